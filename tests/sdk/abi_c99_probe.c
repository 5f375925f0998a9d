/* Compiled as strict C99: abi.h must be valid C, and these report the layout
 * a C compiler gives its structs, for the C++ side to compare. */
#include <tagwerk/abi.h>

size_t tw_probe_c_sizeof_plugin(void) {
  return sizeof(tw_plugin_v2);
}
size_t tw_probe_c_sizeof_host_api(void) {
  return sizeof(tw_host_api);
}
size_t tw_probe_c_offsetof_process(void) {
  return offsetof(tw_plugin_v2, process);
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
size_t tw_probe_c_sizeof_column_view(void) {
  return sizeof(tw_column_view);
}
size_t tw_probe_c_sizeof_layer_spec(void) {
  return sizeof(tw_layer_spec);
}
size_t tw_probe_c_sizeof_attr_spec(void) {
  return sizeof(tw_attr_spec);
}
size_t tw_probe_c_sizeof_param_spec(void) {
  return sizeof(tw_param_spec);
}
