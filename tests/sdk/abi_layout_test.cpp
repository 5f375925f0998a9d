// The ABI's structs have one layout whether C or C++ compiles them, and start
// with the version fields the loader reads first.
#include <tagwerk/abi.h>

#include <gtest/gtest.h>

extern "C" {
size_t tw_probe_c_sizeof_plugin(void);
size_t tw_probe_c_sizeof_host_api(void);
size_t tw_probe_c_offsetof_process(void);
size_t tw_probe_c_offsetof_attr_get(void);
size_t tw_probe_c_sizeof_value(void);
size_t tw_probe_c_sizeof_span(void);
}

TEST(AbiLayout, CAndCppAgreeOnEveryStruct) {
  EXPECT_EQ(tw_probe_c_sizeof_plugin(), sizeof(tw_plugin_v1));
  EXPECT_EQ(tw_probe_c_sizeof_host_api(), sizeof(tw_host_api));
  EXPECT_EQ(tw_probe_c_offsetof_process(), offsetof(tw_plugin_v1, process));
  EXPECT_EQ(tw_probe_c_offsetof_attr_get(), offsetof(tw_host_api, attr_get));
  EXPECT_EQ(tw_probe_c_sizeof_value(), sizeof(tw_value));
  EXPECT_EQ(tw_probe_c_sizeof_span(), sizeof(tw_span));
}

TEST(AbiLayout, VersionFieldsComeFirst) {
  EXPECT_EQ(offsetof(tw_plugin_v1, abi_major), 0u);
  EXPECT_EQ(offsetof(tw_plugin_v1, abi_minor), 4u);
  EXPECT_EQ(offsetof(tw_plugin_v1, struct_size), 8u);
  EXPECT_EQ(offsetof(tw_host_api, abi_major), 0u);
  EXPECT_EQ(offsetof(tw_host_api, abi_minor), 4u);
  EXPECT_EQ(offsetof(tw_host_api, struct_size), 8u);
  // Layers hand out contiguous spans: two 32-bit offsets, no padding.
  EXPECT_EQ(sizeof(tw_span), 8u);
}

TEST(AbiLayout, HostHasReportsMembersCoveredByStructSize) {
  tw_host_api api{};
  api.struct_size = static_cast<uint32_t>(offsetof(tw_host_api, doc_text));
  EXPECT_TRUE(TW_HOST_HAS(&api, param_bool));
  EXPECT_FALSE(TW_HOST_HAS(&api, doc_text));
  api.struct_size = sizeof(tw_host_api);
  EXPECT_TRUE(TW_HOST_HAS(&api, attr_get));
}
