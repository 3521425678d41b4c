# Fuzz targets, one helper for all of them (Envoy's envoy_cc_fuzz_test, in spirit).
#
#   irtcp_add_fuzzer(NAME SOURCE src.cc LIBS lib... [DICT file.dict])
#
# Always: `fuzz_replay_NAME`, a plain executable that runs every file of testdata/fuzz/NAME through
# LLVMFuzzerTestOneInput (tests/fuzz_replay_main.cc), registered with ctest, so every build —
# the ASan+UBSan one in CI included — replays the committed corpora.
# With -DIRTCP_FUZZ=ON (the `fuzz` preset, clang): `fuzz_NAME`, the libFuzzer binary. That preset
# builds the whole tree with -fsanitize=fuzzer-no-link,address,undefined, so libFuzzer gets
# coverage from, and ASan sees into, the library code the target calls, not just the target file.
# `fuzz_all` builds every libFuzzer binary; scripts/fuzz.sh runs them.
set(IRTCP_FUZZ_CORPORA ${PROJECT_SOURCE_DIR}/testdata/fuzz)
if(IRTCP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "IRTCP_FUZZ needs clang (libFuzzer)")
  endif()
  add_custom_target(fuzz_all)
endif()

function(irtcp_add_fuzzer name)
  if(NOT IRTCP_BUILD_TESTS AND NOT IRTCP_FUZZ)
    return()  # a release build has no use for them
  endif()
  cmake_parse_arguments(FUZZ "" "SOURCE;DICT" "LIBS" ${ARGN})
  add_executable(fuzz_replay_${name} ${FUZZ_SOURCE} ${PROJECT_SOURCE_DIR}/tests/fuzz_replay_main.cc)
  target_compile_options(fuzz_replay_${name} PRIVATE ${IRTCP_WARNINGS})
  target_link_libraries(fuzz_replay_${name} PRIVATE ${FUZZ_LIBS})
  if(IRTCP_BUILD_TESTS)
    add_test(NAME fuzz_replay_${name} COMMAND fuzz_replay_${name} ${IRTCP_FUZZ_CORPORA}/${name})
  endif()
  if(IRTCP_FUZZ)
    add_executable(fuzz_${name} ${FUZZ_SOURCE})
    target_compile_options(fuzz_${name} PRIVATE ${IRTCP_WARNINGS})
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_${name} PRIVATE ${FUZZ_LIBS})
    add_dependencies(fuzz_all fuzz_${name})
    if(FUZZ_DICT)
      configure_file(${FUZZ_DICT} ${CMAKE_BINARY_DIR}/fuzz/${name}.dict COPYONLY)
    endif()
  endif()
endfunction()

irtcp_add_fuzzer(rule_parser SOURCE ${PROJECT_SOURCE_DIR}/core/rule_lang/parser_fuzzer.cc
                 LIBS irtcp_core DICT ${IRTCP_FUZZ_CORPORA}/rule_parser.dict)
irtcp_add_fuzzer(proxy_wire SOURCE ${PROJECT_SOURCE_DIR}/core/proxy/wire_fuzzer.cc
                 LIBS irtcp_wire)
irtcp_add_fuzzer(yaml_load SOURCE ${PROJECT_SOURCE_DIR}/core/yaml/load_fuzzer.cc
                 LIBS irtcp_core DICT ${IRTCP_FUZZ_CORPORA}/manifest.dict)
irtcp_add_fuzzer(validate SOURCE ${PROJECT_SOURCE_DIR}/core/run/validate_fuzzer.cc
                 LIBS irtcp_core DICT ${IRTCP_FUZZ_CORPORA}/manifest.dict)
irtcp_add_fuzzer(render SOURCE ${PROJECT_SOURCE_DIR}/core/run/render_fuzzer.cc
                 LIBS irtcp_core DICT ${IRTCP_FUZZ_CORPORA}/manifest.dict)
irtcp_add_fuzzer(traefik_config SOURCE ${PROJECT_SOURCE_DIR}/core/config/traefik_config_fuzzer.cc
                 LIBS irtcp_core DICT ${IRTCP_FUZZ_CORPORA}/traefik_config.dict)
irtcp_add_fuzzer(project_config SOURCE ${PROJECT_SOURCE_DIR}/core/config/project_config_fuzzer.cc
                 LIBS irtcp_core)
