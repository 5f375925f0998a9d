// plugin.hpp as a plugin author compiles it (C++17): the registration macro
// builds a complete descriptor, and the wrapper keeps exceptions on its side.
#include <tagwerk/plugin.hpp>

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace {

class Refuses {
 public:
  explicit Refuses(const tagwerk::Config&) { throw tagwerk::Error("no thanks"); }
  void process(tagwerk::Document&) {}
};

struct CapturedError {
  std::string text;
};

void capture(tw_context* ctx, tw_str message) {
  reinterpret_cast<CapturedError*>(ctx)->text.assign(message.data, message.size);
}

}  // namespace

// A second registration in one test binary is impossible (one entry point per
// library), so the descriptor is built through the same adapter the macro uses.
TEST(PluginWrapper, InfoBuildsACompleteDescriptor) {
  const tw_plugin_v2* d = tagwerk::detail::Adapter<Refuses>::descriptor([] {
    return tagwerk::Info()
        .name("demo")
        .version("2.1.0")
        .summary("a demo")
        .license("MIT")
        .languages({"de", "en"})
        .requires_inputs({"token", "entity.cluster"})
        .optional_inputs({"quote"})
        .provides("mention", "a mention",
                  {{"score", tagwerk::Type::Float, "confidence", ""},
                   tagwerk::ref_attr("entity", "entity", "its entity"),
                   {"forms", tagwerk::Type::StringList, "its forms", ""}})
        .provides("chain", "a chain")
        .doc_attr("summary", tagwerk::Type::String, "one line")
        .thread_safe(false)
        .param("threshold", tagwerk::ParamType::Float, "0.5", "cut-off")
        .param("model", tagwerk::ParamType::Path, nullptr, "model file", true);
  });
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->abi_major, static_cast<uint32_t>(TW_ABI_MAJOR));
  EXPECT_EQ(d->struct_size, sizeof(tw_plugin_v2));
  EXPECT_STREQ(d->name, "demo");
  EXPECT_STREQ(d->version, "2.1.0");
  EXPECT_STREQ(d->languages[0], "de");
  EXPECT_STREQ(d->languages[1], "en");
  EXPECT_EQ(d->languages[2], nullptr);
  EXPECT_STREQ(d->requires_inputs[0], "token");
  EXPECT_STREQ(d->requires_inputs[1], "entity.cluster");
  EXPECT_EQ(d->requires_inputs[2], nullptr);
  EXPECT_STREQ(d->optional_inputs[0], "quote");
  ASSERT_EQ(d->provides_count, 2u);
  EXPECT_EQ(d->provides_size, sizeof(tw_layer_spec));
  EXPECT_STREQ(d->provides[0].name, "mention");
  ASSERT_EQ(d->provides[0].attr_count, 3u);
  EXPECT_EQ(d->provides[0].attr_size, sizeof(tw_attr_spec));
  EXPECT_STREQ(d->provides[0].attrs[1].name, "entity");
  EXPECT_EQ(d->provides[0].attrs[1].type, static_cast<uint32_t>(TW_VALUE_REF));
  EXPECT_STREQ(d->provides[0].attrs[1].target, "entity");
  EXPECT_EQ(d->provides[0].attrs[0].target, nullptr);
  EXPECT_EQ(d->provides[0].attrs[2].type, static_cast<uint32_t>(TW_VALUE_STRING_LIST));
  EXPECT_STREQ(d->provides[1].name, "chain");
  EXPECT_EQ(d->provides[1].attr_count, 0u);
  ASSERT_EQ(d->doc_attr_count, 1u);
  EXPECT_STREQ(d->doc_attrs[0].name, "summary");
  EXPECT_EQ(d->flags & TW_PLUGIN_THREAD_SAFE, 0u);
  ASSERT_EQ(d->param_count, 2u);
  EXPECT_EQ(d->param_size, sizeof(tw_param_spec));
  EXPECT_STREQ(d->params[0].name, "threshold");
  EXPECT_EQ(d->params[0].type, static_cast<uint32_t>(TW_PARAM_FLOAT));
  EXPECT_STREQ(d->params[0].default_value, "0.5");
  EXPECT_EQ(d->params[1].default_value, nullptr);
  EXPECT_EQ(d->params[1].required, 1);
  EXPECT_NE(d->create, nullptr);
  EXPECT_NE(d->process, nullptr);
  EXPECT_NE(d->destroy, nullptr);
}

TEST(PluginWrapper, RefusesAHostTableOlderThanTheFunctionsItCalls) {
  tw_host_api host{};
  host.abi_major = TW_ABI_MAJOR;
  host.context_error = &capture;
  // A 2.x table that ends before attr_get, the last function the wrapper calls.
  host.struct_size = static_cast<uint32_t>(offsetof(tw_host_api, attr_get));
  CapturedError captured;
  void* instance =
      tagwerk::detail::Adapter<Refuses>::create(&host, reinterpret_cast<tw_context*>(&captured), nullptr);
  EXPECT_EQ(instance, nullptr);
  EXPECT_NE(captured.text.find("older than this plugin's SDK"), std::string::npos) << captured.text;
}

TEST(PluginWrapper, AConstructorExceptionBecomesAContextErrorNotACrash) {
  tw_host_api host{};
  host.abi_major = TW_ABI_MAJOR;
  host.struct_size = sizeof(host);
  host.context_error = &capture;
  CapturedError captured;
  void* instance =
      tagwerk::detail::Adapter<Refuses>::create(&host, reinterpret_cast<tw_context*>(&captured), nullptr);
  EXPECT_EQ(instance, nullptr);
  EXPECT_EQ(captured.text, "no thanks");
}
