# Embeds the vendored CRDs (schemas/*.yaml) into irtcp_core. Included by core/CMakeLists.txt after
# irtcp_core is defined.
#
# irtcp_schemagen is a host tool built from the converter objects (irtcp_converter, defined in
# core/CMakeLists.txt) rather than linked from irtcp_core: the generated file is part of
# irtcp_core, so linking irtcp_core would be a dependency cycle.
set(IRTCP_SCHEMA_CRDS
    ${PROJECT_SOURCE_DIR}/schemas/traefik.io_ingressroutetcps.yaml
    ${PROJECT_SOURCE_DIR}/schemas/traefik.io_middlewaretcps.yaml
    ${PROJECT_SOURCE_DIR}/schemas/traefik.io_serverstransporttcps.yaml
    ${PROJECT_SOURCE_DIR}/schemas/traefik.io_tlsoptions.yaml
    ${PROJECT_SOURCE_DIR}/schemas/traefik.io_tlsstores.yaml
    ${PROJECT_SOURCE_DIR}/schemas/legacy-traefik.containo.us_ingressroutetcps.yaml
    ${PROJECT_SOURCE_DIR}/schemas/legacy-traefik.containo.us_middlewaretcps.yaml
    ${PROJECT_SOURCE_DIR}/schemas/legacy-traefik.containo.us_tlsoptions.yaml
    ${PROJECT_SOURCE_DIR}/schemas/legacy-traefik.containo.us_tlsstores.yaml)

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
