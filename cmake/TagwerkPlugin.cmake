# tagwerk_add_plugin(<name> SOURCES <src>... [DATA <dir>] [LIBRARIES <lib>...])
#
# Builds a tagwerk plugin: a MODULE library linking only tagwerk::sdk (plus
# LIBRARIES), with every symbol hidden but the entry point. DATA names a folder
# shipped with the plugin (lexicons, rules, models): it is copied next to the
# built library as <name>/ and installed to share/tagwerk/plugins/<name>/,
# the two places the host looks for it.
#
# Used in the tagwerk tree and, installed, by third-party plugins through
# find_package(tagwerk).
function(tagwerk_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "NO_INSTALL" "DATA;OUTPUT_DIRECTORY" "SOURCES;LIBRARIES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "tagwerk_add_plugin(${name}): SOURCES is required")
  endif()
  set(target "tagwerk_plugin_${name}")
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE tagwerk::sdk ${ARG_LIBRARIES})
  if(TARGET tagwerk_build_options)
    target_link_libraries(${target} PRIVATE tagwerk_build_options)
  endif()
  if(ARG_OUTPUT_DIRECTORY)
    set(out_dir "${ARG_OUTPUT_DIRECTORY}")
  elseif(DEFINED TAGWERK_STAGE_DIR)
    set(out_dir "${TAGWERK_STAGE_DIR}/${TAGWERK_PLUGIN_INSTALL_DIR}")
  else()
    set(out_dir "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME "${name}"
    PREFIX ""
    LIBRARY_OUTPUT_DIRECTORY "${out_dir}"
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  target_compile_features(${target} PRIVATE cxx_std_17)
  if(NOT ARG_NO_INSTALL)
    if(NOT DEFINED TAGWERK_PLUGIN_INSTALL_DIR)
      set(TAGWERK_PLUGIN_INSTALL_DIR "lib/tagwerk/plugins")
      set(TAGWERK_PLUGIN_DATA_INSTALL_DIR "share/tagwerk/plugins")
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION "${TAGWERK_PLUGIN_INSTALL_DIR}")
  endif()
  if(ARG_DATA)
    get_filename_component(data_src "${ARG_DATA}" ABSOLUTE)
    if(DEFINED TAGWERK_STAGE_DIR AND NOT ARG_OUTPUT_DIRECTORY)
      set(data_dst "${TAGWERK_STAGE_DIR}/${TAGWERK_PLUGIN_DATA_INSTALL_DIR}/${name}")
    else()
      set(data_dst "${out_dir}/${name}")
    endif()
    # Re-staged whenever a data file changes, not only when the library relinks.
    file(GLOB_RECURSE data_files CONFIGURE_DEPENDS "${data_src}/*")
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}_data.stamp")
    add_custom_command(OUTPUT "${stamp}"
      COMMAND ${CMAKE_COMMAND} -E copy_directory "${data_src}" "${data_dst}"
      COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
      DEPENDS ${data_files}
      COMMENT "Staging data of plugin ${name}")
    add_custom_target(${target}_data DEPENDS "${stamp}")
    add_dependencies(${target} ${target}_data)
    if(NOT ARG_NO_INSTALL)
      install(DIRECTORY "${data_src}/" DESTINATION "${TAGWERK_PLUGIN_DATA_INSTALL_DIR}/${name}")
    endif()
  endif()
endfunction()
