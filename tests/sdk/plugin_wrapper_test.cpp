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
  const tw_plugin_v1* d = tagwerk::detail::Adapter<Refuses>::descriptor([] {
    return tagwerk::Info()
        .name("demo")
        .version("2.1.0")
        .summary("a demo")
        .license("MIT")
        .languages({"de", "en"})
        .requires_layers({"token"})
        .provides({"entity", "mention"})
        .thread_safe(false)
        .param("threshold", tagwerk::ParamType::Float, "0.5", "cut-off")
        .param("model", tagwerk::ParamType::Path, nullptr, "model file", true);
  });
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->abi_major, static_cast<uint32_t>(TW_ABI_MAJOR));
  EXPECT_EQ(d->struct_size, sizeof(tw_plugin_v1));
  EXPECT_STREQ(d->name, "demo");
  EXPECT_STREQ(d->version, "2.1.0");
  EXPECT_STREQ(d->languages[0], "de");
  EXPECT_STREQ(d->languages[1], "en");
  EXPECT_EQ(d->languages[2], nullptr);
  EXPECT_STREQ(d->requires_layers[0], "token");
  EXPECT_EQ(d->requires_layers[1], nullptr);
  EXPECT_STREQ(d->provides_layers[1], "mention");
  EXPECT_EQ(d->flags & TW_PLUGIN_THREAD_SAFE, 0u);
  ASSERT_EQ(d->param_count, 2u);
  EXPECT_STREQ(d->params[0].name, "threshold");
  EXPECT_EQ(d->params[0].type, TW_PARAM_FLOAT);
  EXPECT_STREQ(d->params[0].default_value, "0.5");
  EXPECT_EQ(d->params[1].default_value, nullptr);
  EXPECT_EQ(d->params[1].required, 1);
  EXPECT_NE(d->create, nullptr);
  EXPECT_NE(d->process, nullptr);
  EXPECT_NE(d->destroy, nullptr);
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
