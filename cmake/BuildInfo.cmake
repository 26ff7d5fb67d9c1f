# Generates build_info.cpp with the version and the git commit at *build* time, so the commit in
# a run's manifest is the one that was compiled, not the one at configure time. The file is only
# rewritten when its content changes, so an unchanged tree does not relink.
set(SHANZHI_BUILD_INFO_CPP ${CMAKE_BINARY_DIR}/generated/build_info.cpp)
add_custom_target(shanzhi_build_info_gen
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
          -DOUTPUT=${SHANZHI_BUILD_INFO_CPP}
          -DVERSION=${PROJECT_VERSION}
          -P ${CMAKE_SOURCE_DIR}/cmake/WriteBuildInfo.cmake
  BYPRODUCTS ${SHANZHI_BUILD_INFO_CPP}
  COMMENT "Recording version and git commit")
