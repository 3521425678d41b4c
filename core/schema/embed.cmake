# Embeds the vendored CRDs (schemas/traefik/<tag>/*.yaml) into irtcp_core. Included by core/CMakeLists.txt after
# irtcp_core is defined.
#
# irtcp_schemagen is a host tool built from the converter objects (irtcp_converter, defined in
# core/CMakeLists.txt) rather than linked from irtcp_core: the generated file is part of
# irtcp_core, so linking irtcp_core would be a dependency cycle.
# Every supported Traefik version's CRDs, schemas/traefik/<tag>/*.yaml (the tags of
# core/version/traefik_version.cc). Empty files (v2's ServersTransportTCP) are skipped by the
# generator.
file(GLOB IRTCP_SCHEMA_CRDS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/schemas/traefik/v*/*.yaml)
list(SORT IRTCP_SCHEMA_CRDS)

add_executable(irtcp_schemagen
  ${CMAKE_CURRENT_LIST_DIR}/tools/schemagen_main.cc $<TARGET_OBJECTS:irtcp_converter>)
target_include_directories(irtcp_schemagen PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_options(irtcp_schemagen PRIVATE ${IRTCP_WARNINGS})
target_link_libraries(irtcp_schemagen PRIVATE PkgConfig::LIBYAML nlohmann_json::nlohmann_json
                      fmt::fmt PkgConfig::RE2)

set(IRTCP_BUNDLED_SCHEMAS_CC ${CMAKE_CURRENT_BINARY_DIR}/generated/bundled_schemas.cc)
add_custom_command(
  OUTPUT ${IRTCP_BUNDLED_SCHEMAS_CC}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/generated
  COMMAND irtcp_schemagen ${IRTCP_BUNDLED_SCHEMAS_CC} ${IRTCP_SCHEMA_CRDS}
  DEPENDS irtcp_schemagen ${IRTCP_SCHEMA_CRDS}
  COMMENT "Converting the bundled CRDs into ${IRTCP_BUNDLED_SCHEMAS_CC}"
  VERBATIM)
target_sources(irtcp_core PRIVATE ${IRTCP_BUNDLED_SCHEMAS_CC})
