# Wire-format fuzzing (ClientHello and PROXY header parsers). Included from the top-level
# CMakeLists.txt after add_subdirectory(core). Always: `fuzz_replay_proxy_wire`, which replays
# testdata/fuzz/proxy_wire through LLVMFuzzerTestOneInput under ctest. With -DIRTCP_FUZZ=ON
# (clang): `fuzz_proxy_wire`, the libFuzzer target.
set(IRTCP_WIRE_FUZZ_CORPUS ${PROJECT_SOURCE_DIR}/testdata/fuzz/proxy_wire)

add_executable(fuzz_replay_proxy_wire
  ${PROJECT_SOURCE_DIR}/core/proxy/wire_fuzzer.cc
  ${PROJECT_SOURCE_DIR}/tests/fuzz_replay_main.cc)
target_compile_options(fuzz_replay_proxy_wire PRIVATE ${IRTCP_WARNINGS})
target_link_libraries(fuzz_replay_proxy_wire PRIVATE irtcp_proxy)
if(IRTCP_BUILD_TESTS)
  add_test(NAME fuzz_replay_proxy_wire
           COMMAND fuzz_replay_proxy_wire ${IRTCP_WIRE_FUZZ_CORPUS})
endif()

if(IRTCP_FUZZ)
  add_executable(fuzz_proxy_wire ${PROJECT_SOURCE_DIR}/core/proxy/wire_fuzzer.cc)
  target_compile_options(fuzz_proxy_wire PRIVATE ${IRTCP_WARNINGS}
                         -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_proxy_wire PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_proxy_wire PRIVATE irtcp_proxy)
endif()
