/* Compiled as strict C99: abi.h must be valid C, and these report the layout
 * a C compiler gives its structs, for the C++ side to compare. */
#include <tagwerk/abi.h>

size_t tw_probe_c_sizeof_plugin(void) {
  return sizeof(tw_plugin_v1);
}
size_t tw_probe_c_sizeof_host_api(void) {
  return sizeof(tw_host_api);
}
size_t tw_probe_c_offsetof_process(void) {
  return offsetof(tw_plugin_v1, process);
}
size_t tw_probe_c_offsetof_attr_get(void) {
  return offsetof(tw_host_api, attr_get);
}
size_t tw_probe_c_sizeof_value(void) {
  return sizeof(tw_value);
}
size_t tw_probe_c_sizeof_span(void) {
  return sizeof(tw_span);
}
