# CPack pre-build script: turns the staged install tree into what Debian policy expects of
# a package (run by `cpack` after staging, before the .deb is built).
if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()
set(staged "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")

# Man pages compressed with gzip -9n (no name or time stamp: reproducible).
file(GLOB pages "${staged}/share/man/man[1-8]/*.[1-8]")
foreach(page IN LISTS pages)
  execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip ${page} failed: ${status}")
  endif()
endforeach()

# The licence, where Debian looks for it.
file(MAKE_DIRECTORY "${staged}/share/doc/freshd")
file(COPY_FILE "${CPACK_FRESHD_LICENSE_FILE}" "${staged}/share/doc/freshd/copyright")
