// The files `tagwerk new-plugin` writes, as text with placeholders:
//   @NAME@   the plugin's name as given (my-plugin)
//   @IDENT@  the name as an identifier, layer and file name (my_plugin)
//   @CLASS@  the name in CamelCase, for the C++ class and the test suite (MyPlugin)
#pragma once

namespace tagwerk::cli::templates {

/// Both languages.
extern const char* const kChain;      // NAME.toml: segment, then the plugin
extern const char* const kTest;       // IDENT_test.cpp: on <tagwerk/testing.hpp>
extern const char* const kReadme;     // README.md
extern const char* const kGitignore;  // .gitignore

/// CMakeLists.txt, also with @KIND@ (in C++), @FLAGS@ (the options given),
/// @LANGUAGES@ (of project()), @SOURCE@ (the plugin's file) and @STANDARD@
/// (lines after tagwerk_add_plugin, each ending in a newline).
extern const char* const kCMakeLists;

/// The plugin: C++ against <tagwerk/plugin.hpp>, or C99 against <tagwerk/abi.h> alone.
extern const char* const kCppSource;  // IDENT.cpp
extern const char* const kCSource;    // IDENT.c

}  // namespace tagwerk::cli::templates
