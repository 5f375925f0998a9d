#include "linear_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace tagwerk::sentiment {

LinearModel LinearModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read sentiment model '" + path +
                             "': check the model_de / model_en parameter (a shipped file name or a path)");
  LinearModel m;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    Weights w{};
    const char* p = tab == std::string::npos ? nullptr : line.data() + tab + 1;
    const char* end = line.data() + line.size();
    for (int c = 0; c < 3 && p != nullptr; ++c) {
      auto [next, ec] = std::from_chars(p, end, w[c]);
      if (ec != std::errc())
        p = nullptr;
      else
        p = next < end && *next == '\t' ? next + 1 : (c == 2 ? next : nullptr);
    }
    if (p == nullptr)
      throw std::runtime_error(path + ":" + std::to_string(number) +
                               ": expected feature<TAB>w_pos<TAB>w_neg<TAB>w_neu");
    m.weights_.insert_or_assign(line.substr(0, tab), w);
  }
  return m;
}

void LinearModel::save(const std::string& path, const std::vector<std::string>& header) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write sentiment model '" + path + "'");
  for (const std::string& h : header) out << "# " << h << '\n';
  std::vector<const std::pair<const std::string, Weights>*> rows;
  for (const auto& kv : weights_)
    if (std::abs(kv.second[0]) + std::abs(kv.second[1]) + std::abs(kv.second[2]) > 1e-4f) rows.push_back(&kv);
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->first < b->first; });
  char buf[64];
  for (const auto* kv : rows) {
    out << kv->first;
    for (float w : kv->second) {
      auto [p, ec] = std::to_chars(buf, buf + sizeof buf, w, std::chars_format::general, 5);
      out << '\t' << std::string_view(buf, static_cast<std::size_t>(p - buf));
    }
    out << '\n';
  }
}

std::array<double, 3> LinearModel::predict(const Features& x) const {
  std::array<double, 3> z{};
  for (const auto& [name, value] : x) {
    auto it = weights_.find(name);
    if (it == weights_.end()) continue;
    for (int c = 0; c < 3; ++c) z[c] += value * it->second[c];
  }
  const double top = std::max({z[0], z[1], z[2]});
  double total = 0;
  for (double& v : z) total += (v = std::exp(v - top));
  for (double& v : z) v /= total;
  return z;
}

LinearModel LinearModel::train(const std::vector<Features>& xs, const std::vector<int>& labels, int epochs,
                               double learning_rate, double l2) {
  LinearModel m;
  StringMap<Weights> g2;  // AdaGrad's sums of squared gradients
  for (int e = 0; e < epochs; ++e) {
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const std::array<double, 3> p = m.predict(xs[i]);
      for (const auto& [name, value] : xs[i]) {
        Weights& w = m.weights_[name];
        Weights& g = g2[name];
        for (int c = 0; c < 3; ++c) {
          const double grad = (p[c] - (labels[i] == c ? 1.0 : 0.0)) * value + l2 * w[c];
          g[c] += static_cast<float>(grad * grad);
          w[c] -= static_cast<float>(learning_rate * grad / (std::sqrt(g[c]) + 1e-8));
        }
      }
    }
  }
  return m;
}

}  // namespace tagwerk::sentiment
