#include "core/classroom/choice_log.hpp"

#include <charconv>

namespace shanzhi::viz::classroom {
namespace {

std::string round_trip(double value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

/// Student names are free text: quote them for CSV (doubling quotes) so a comma cannot shift columns.
std::string csv_text(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace

std::string choice_log_csv(const ChoiceLog& log) {
  std::string out = "model_week,recorded_week,street,key,value,student\n";
  for (const auto& choice : log)
    out += std::to_string(choice.model_week) + "," + std::to_string(choice.recorded_week) + "," +
           std::to_string(choice.street) + "," + std::string(gov::street_lever_key(choice.lever)) + "," +
           round_trip(choice.value) + "," + csv_text(choice.student) + "\n";
  return out;
}

}  // namespace shanzhi::viz::classroom

namespace shanzhi::viz::classroom {

double lever_in_week(const ChoiceLog& log, std::size_t street, gov::StreetLever lever, int recorded_week, double district) {
  double value = district;
  // A choice made at recorded week w applies from the week simulated next, recorded as w + 1.
  for (const auto& choice : log)
    if (choice.street == street && choice.lever == lever && choice.recorded_week < recorded_week) value = choice.value;
  return value;
}

}  // namespace shanzhi::viz::classroom
