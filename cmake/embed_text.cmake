# cmake -DINPUT=file -DOUTPUT=file.cc -DSYMBOL=kName -DHEADER=cli/x.h -P embed_text.cmake
# Writes a C++ source defining `const std::string_view SYMBOL` holding INPUT's text (a raw string
# literal), the way ninja inlines browse.py: the binary needs no data files beside it.
file(READ ${INPUT} text)
string(FIND "${text}" ")irtcp_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE ${OUTPUT}.tmp "// Generated from ${INPUT} by cmake/embed_text.cmake.\n#include \"${HEADER}\"\n\n"
  "namespace irtcp::cli {\n\nconst std::string_view ${SYMBOL} = R\"irtcp_embed(${text})irtcp_embed\";\n\n}  // namespace irtcp::cli\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
