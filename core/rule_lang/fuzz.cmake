# Rule-parser fuzzing. Included from the top-level CMakeLists.txt (after add_subdirectory(core)
# and enable_testing()):
#   include(core/rule_lang/fuzz.cmake)
# Always: `fuzz_replay_rule_parser`, a plain executable that replays the seed corpus through
# LLVMFuzzerTestOneInput (registered with ctest). With -DIRTCP_FUZZ=ON (clang):
# `fuzz_rule_parser`, the libFuzzer target (-fsanitize=fuzzer,address,undefined).
set(IRTCP_RULE_FUZZ_CORPUS ${PROJECT_SOURCE_DIR}/testdata/fuzz/rule_parser)

add_executable(fuzz_replay_rule_parser
  ${PROJECT_SOURCE_DIR}/core/rule_lang/parser_fuzzer.cc
  ${PROJECT_SOURCE_DIR}/tests/fuzz_replay_main.cc)
target_compile_options(fuzz_replay_rule_parser PRIVATE ${IRTCP_WARNINGS})
target_link_libraries(fuzz_replay_rule_parser PRIVATE irtcp_core)
if(IRTCP_BUILD_TESTS)
  add_test(NAME fuzz_replay_rule_parser
           COMMAND fuzz_replay_rule_parser ${IRTCP_RULE_FUZZ_CORPUS})
endif()

if(IRTCP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "IRTCP_FUZZ needs clang (libFuzzer)")
  endif()
  add_executable(fuzz_rule_parser ${PROJECT_SOURCE_DIR}/core/rule_lang/parser_fuzzer.cc)
  target_compile_options(fuzz_rule_parser PRIVATE ${IRTCP_WARNINGS}
                         -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_rule_parser PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_rule_parser PRIVATE irtcp_core)
endif()
