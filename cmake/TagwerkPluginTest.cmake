# tagwerk_add_plugin_test(<name> SOURCES <src>... PLUGINS <plugin>...
#                         [LIBRARIES <lib>...] [NO_DISCOVER])
#
# Builds the GoogleTest executable <name> from SOURCES against tagwerk::testing
# (<tagwerk/testing.hpp>) and GTest::gtest_main, and registers its tests with
# ctest (call enable_testing() in your top-level CMakeLists.txt). PLUGINS names
# the plugins under test: tagwerk_add_plugin() names (`my-plugin`) or their
# targets (`tagwerk_plugin_my-plugin`). They are built before the test, and
# the test finds them with tagwerk::testing::plugins_under_test(); the plugins
# of the tagwerk installation (segment, timeline) with shipped_plugin_dirs(),
# which Harness searches by default. LIBRARIES are linked too (GTest::gmock).
# NO_DISCOVER: build the executable only, register nothing.
#
# Used in the tagwerk tree and, installed, by third-party plugins through
# find_package(tagwerk).
function(tagwerk_add_plugin_test name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "NO_DISCOVER" "" "SOURCES;PLUGINS;LIBRARIES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "tagwerk_add_plugin_test(${name}): SOURCES is required")
  endif()
  if(NOT TARGET GTest::gtest_main)
    find_package(GTest REQUIRED)
  endif()
  include(GoogleTest)

  set(files "")
  set(targets "")
  foreach(plugin IN LISTS ARG_PLUGINS)
    if(TARGET tagwerk_plugin_${plugin})
      set(target tagwerk_plugin_${plugin})
    elseif(TARGET ${plugin})
      set(target ${plugin})
    else()
      message(FATAL_ERROR "tagwerk_add_plugin_test(${name}): PLUGINS '${plugin}' is no plugin target; "
                          "define it with tagwerk_add_plugin(${plugin} ...) before the test")
    endif()
    list(APPEND targets ${target})
    list(APPEND files "$<TARGET_FILE:${target}>")
  endforeach()
  list(JOIN files ":" plugin_files)

  # The shipped plugins: staged in the tagwerk build tree, or installed.
  if(DEFINED TAGWERK_STAGE_DIR)
    set(shipped "${TAGWERK_STAGE_DIR}/${TAGWERK_PLUGIN_INSTALL_DIR}")
  elseif(DEFINED TAGWERK_PLUGIN_DIR)
    set(shipped "${TAGWERK_PLUGIN_DIR}")
  else()
    set(shipped "")
  endif()

  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE tagwerk::testing GTest::gtest GTest::gtest_main ${ARG_LIBRARIES})
  if(TARGET tagwerk_build_options)
    target_link_libraries(${name} PRIVATE tagwerk_build_options)
  endif()
  target_compile_features(${name} PRIVATE cxx_std_17)
  target_compile_definitions(${name} PRIVATE
    "TAGWERK_TEST_PLUGINS=\"${plugin_files}\""
    "TAGWERK_TEST_PLUGIN_PATH=\"${shipped}\"")
  if(targets)
    add_dependencies(${name} ${targets})
  endif()
  if(NOT ARG_NO_DISCOVER)
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
  endif()
endfunction()
