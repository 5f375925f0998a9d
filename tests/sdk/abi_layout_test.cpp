// The ABI's structs have one layout whether C or C++ compiles them, start
// with the fields the other side reads first, and grow by size (abi.h's rules).
#include <tagwerk/abi.h>

#include <gtest/gtest.h>

extern "C" {
size_t tw_probe_c_sizeof_plugin(void);
size_t tw_probe_c_sizeof_host_api(void);
size_t tw_probe_c_offsetof_process(void);
size_t tw_probe_c_offsetof_attr_get(void);
size_t tw_probe_c_sizeof_value(void);
size_t tw_probe_c_sizeof_span(void);
size_t tw_probe_c_sizeof_column_view(void);
size_t tw_probe_c_sizeof_layer_spec(void);
size_t tw_probe_c_sizeof_attr_spec(void);
size_t tw_probe_c_sizeof_param_spec(void);
}

TEST(AbiLayout, CAndCppAgreeOnEveryStruct) {
  EXPECT_EQ(tw_probe_c_sizeof_plugin(), sizeof(tw_plugin_v2));
  EXPECT_EQ(tw_probe_c_sizeof_host_api(), sizeof(tw_host_api));
  EXPECT_EQ(tw_probe_c_offsetof_process(), offsetof(tw_plugin_v2, process));
  EXPECT_EQ(tw_probe_c_offsetof_attr_get(), offsetof(tw_host_api, attr_get));
  EXPECT_EQ(tw_probe_c_sizeof_value(), sizeof(tw_value));
  EXPECT_EQ(tw_probe_c_sizeof_span(), sizeof(tw_span));
  EXPECT_EQ(tw_probe_c_sizeof_column_view(), sizeof(tw_column_view));
  EXPECT_EQ(tw_probe_c_sizeof_layer_spec(), sizeof(tw_layer_spec));
  EXPECT_EQ(tw_probe_c_sizeof_attr_spec(), sizeof(tw_attr_spec));
  EXPECT_EQ(tw_probe_c_sizeof_param_spec(), sizeof(tw_param_spec));
}

TEST(AbiLayout, SizeFieldsComeFirst) {
  EXPECT_EQ(offsetof(tw_plugin_v2, abi_major), 0u);
  EXPECT_EQ(offsetof(tw_plugin_v2, abi_minor), 4u);
  EXPECT_EQ(offsetof(tw_plugin_v2, struct_size), 8u);
  EXPECT_EQ(offsetof(tw_host_api, abi_major), 0u);
  EXPECT_EQ(offsetof(tw_host_api, abi_minor), 4u);
  EXPECT_EQ(offsetof(tw_host_api, struct_size), 8u);
  // Values and views a callee fills carry the caller's size first.
  EXPECT_EQ(offsetof(tw_value, struct_size), 0u);
  EXPECT_EQ(offsetof(tw_span_view, struct_size), 0u);
  EXPECT_EQ(offsetof(tw_column_view, struct_size), 0u);
  // Spans: two 32-bit offsets and a label index, no padding.
  EXPECT_EQ(sizeof(tw_span), 12u);
}

TEST(AbiLayout, HostHasReportsMembersCoveredByStructSize) {
  tw_host_api api{};
  api.struct_size = static_cast<uint32_t>(offsetof(tw_host_api, doc_text));
  EXPECT_TRUE(TW_HOST_HAS(&api, param_get));
  EXPECT_FALSE(TW_HOST_HAS(&api, doc_text));
  api.struct_size = sizeof(tw_host_api);
  EXPECT_TRUE(TW_HOST_HAS(&api, attr_get));
}
