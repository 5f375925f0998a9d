// Writing the run manifest.
#include <tagwerk/core/manifest.hpp>

#include <tagwerk/abi.h>
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/json_text.hpp>

#include "chain/sha256.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <string_view>
#include <system_error>

namespace tagwerk::core {

namespace {
void key(std::string& o, std::string_view k, int indent) {
  o.append(static_cast<std::size_t>(indent), ' ');
  append_json_string(o, k);
  o += ": ";
}

void data_files_json(std::string& o, const std::vector<std::filesystem::path>& files) {
  o += '[';
  for (std::size_t i = 0; i < files.size(); ++i) {
    const DataFileRecord f = describe_data_file(files[i]);
    o += i ? ", {\"path\": " : "{\"path\": ";
    append_json_string(o, f.path.string());
    if (f.error.empty()) {
      o += ", \"sha256\": ";
      append_json_string(o, f.sha256);
      o += fmt::format(", \"bytes\": {}}}", f.bytes);
    } else {
      o += ", \"sha256\": null, \"bytes\": null, \"error\": ";
      append_json_string(o, f.error);
      o += '}';
    }
  }
  o += ']';
}
}  // namespace

DataFileRecord describe_data_file(const std::filesystem::path& path) {
  DataFileRecord record;
  record.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    record.error = std::filesystem::exists(path, ec) ? "cannot be opened" : "no longer exists";
    return record;
  }
  detail::Sha256 hash;
  std::string buffer(std::size_t{1} << 16, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    hash.update(std::string_view(buffer.data(), got));
    record.bytes += got;
  }
  if (in.bad()) {
    record.error = "read error";
    record.bytes = 0;
    return record;
  }
  record.sha256 = hash.hex();
  return record;
}

std::string manifest_json(const Chain& chain, const RunStats& stats, const ManifestContext& context) {
  std::string o = "{\n";
  key(o, "tagwerk_version", 2);
  append_json_string(o, context.tagwerk_version);
  o += ",\n";
  key(o, "abi", 2);
  append_json_string(o, fmt::format("{}.{}", TW_ABI_MAJOR, TW_ABI_MINOR));
  o += ",\n";
  key(o, "status", 2);
  append_json_string(o, context.status);
  o += ",\n";
  if (!context.stop_reason.empty()) {
    key(o, "stop_reason", 2);
    append_json_string(o, context.stop_reason);
    o += ",\n";
  }
  key(o, "finished_at", 2);
  append_json_string(
      o, fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()))));
  o += ",\n";
  key(o, "command_line", 2);
  o += '[';
  for (std::size_t i = 0; i < context.command_line.size(); ++i) {
    if (i) o += ", ";
    append_json_string(o, context.command_line[i]);
  }
  o += "],\n";
  key(o, "chain_file", 2);
  append_json_string(o, chain.file.string());
  o += ",\n";
  key(o, "chain_hash", 2);
  append_json_string(o, chain.hash());
  o += ",\n";
  key(o, "chain", 2);
  append_json_string(o, chain.to_toml());
  o += ",\n";
  key(o, "input", 2);
  o += "{\"paths\": [";
  for (std::size_t i = 0; i < chain.input.paths.size(); ++i) {
    if (i) o += ", ";
    append_json_string(o, chain.input.paths[i]);
  }
  o += fmt::format("], \"shard\": \"{}/{}\", \"bytes\": {}, \"identity\": ", chain.input.shard.index,
                   chain.input.shard.count, stats.input_bytes);
  append_json_string(o, context.input_identity);
  o += "},\n";
  key(o, "output", 2);
  o += "{\"path\": ";
  append_json_string(o, chain.output.path);
  o += ", \"offsets\": ";
  append_json_string(o, to_string(chain.output.offsets));
  o += "},\n";
  key(o, "counts", 2);
  o += fmt::format(
      "{{\"records\": {}, \"records_with_errors\": {}, \"unreadable\": {}, \"text_bytes\": {}}},\n",
      stats.records, stats.records_with_errors, stats.unreadable, stats.text_bytes);
  key(o, "threads", 2);
  o += fmt::format("{},\n", stats.threads);
  key(o, "seconds", 2);
  append_json_number(o, stats.seconds);
  o += ",\n";
  key(o, "plugins", 2);
  o += "[";
  for (std::size_t i = 0; i < stats.steps.size(); ++i) {
    const StepStats& s = stats.steps[i];
    o += i ? ",\n    {" : "\n    {";
    o += fmt::format("\"step\": {}, \"name\": ", i + 1);
    append_json_string(o, s.plugin);
    o += ", \"version\": ";
    append_json_string(o, s.version);
    o += ", \"abi\": ";
    append_json_string(o, fmt::format("{}.{}", s.abi_major, s.abi_minor));
    o += ", \"library\": ";
    append_json_string(o, s.library);
    o += fmt::format(", \"documents\": {}, \"failures\": {}, \"seconds\": ", s.documents, s.failures);
    append_json_number(o, s.seconds);
    o += ", \"data_files\": ";
    data_files_json(
        o, i < context.data_files.size() ? context.data_files[i] : std::vector<std::filesystem::path>{});
    o += '}';
  }
  o += stats.steps.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return o;
}

void write_manifest(const std::filesystem::path& path, const Chain& chain, const RunStats& stats,
                    const ManifestContext& context) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << manifest_json(chain, stats, context);
  out.close();
  if (!out)
    throw SetupError(
        fmt::format("{}: cannot write the manifest; check the folder exists and is writable", path.string()));
}

}  // namespace tagwerk::core
