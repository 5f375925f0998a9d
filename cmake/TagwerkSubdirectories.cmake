# tagwerk_add_all_subdirectories(): add_subdirectory() for every child folder
# of the current one that has a CMakeLists.txt, in name order -- so a new
# plugin (or its tests) is built by adding its folder, without editing a list.
function(tagwerk_add_all_subdirectories)
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT children)
  foreach(child IN LISTS children)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${child}/CMakeLists.txt)
      add_subdirectory(${child})
    endif()
  endforeach()
endfunction()
