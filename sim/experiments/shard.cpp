#include "sim/experiments/shard.hpp"

#include <charconv>
#include <stdexcept>

namespace shanzhi::sim::experiments {
namespace {

std::optional<std::size_t> whole_number(std::string_view text) {
  std::size_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || stop != end) return std::nullopt;
  return value;
}

}  // namespace

std::string Shard::text() const { return std::to_string(index) + "/" + std::to_string(count); }

Shard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  const std::string quoted = "shard '" + std::string(text) + "'";
  if (slash == std::string_view::npos)
    throw std::invalid_argument(quoted + ": expected I/N, e.g. 0/4 for the first of four shards");
  const auto index = whole_number(text.substr(0, slash));
  const auto count = whole_number(text.substr(slash + 1));
  if (!index || !count)
    throw std::invalid_argument(quoted + ": I and N must be whole numbers, e.g. 0/4 for the first of four shards");
  if (*count == 0) throw std::invalid_argument(quoted + ": N, the number of shards, must be at least 1");
  if (*index >= *count)
    throw std::invalid_argument(quoted + ": the index counts from 0, so it must be below " + std::to_string(*count) +
                                " (shards 0/" + std::to_string(*count) + " to " + std::to_string(*count - 1) + "/" +
                                std::to_string(*count) + ")");
  return {*index, *count};
}

std::string shard_database(const std::string& experiment_name, const Shard& shard) {
  return "results/experiments/" + experiment_name + ".shard-" + std::to_string(shard.index) + "-of-" +
         std::to_string(shard.count) + ".sqlite";
}

}  // namespace shanzhi::sim::experiments
