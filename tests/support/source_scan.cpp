#include "tests/support/source_scan.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace shanzhi::test_support {
namespace {

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

/// A pp-number starting at `i` (a digit, or '.' followed by a digit): digits, letters, '.', digit
/// separators, and a sign right after an exponent letter (e, E, p, P).
std::size_t number_end(const std::string& code, std::size_t i) {
  std::size_t j = i + 1;
  while (j < code.size()) {
    const char c = code[j];
    const char previous = code[j - 1];
    const bool exponent_sign = (c == '+' || c == '-') && (previous == 'e' || previous == 'E' || previous == 'p' || previous == 'P');
    if (is_identifier_char(c) || c == '.' || c == '\'' || exponent_sign) {
      ++j;
    } else {
      break;
    }
  }
  return j;
}

bool starts_number(const std::string& code, std::size_t i) {
  const bool after_identifier = i > 0 && (is_identifier_char(code[i - 1]) || code[i - 1] == '.');
  if (after_identifier) return false;
  return is_digit(code[i]) || (code[i] == '.' && i + 1 < code.size() && is_digit(code[i + 1]));
}

bool is_floating(const std::string& number) {
  const bool hex = number.size() > 1 && number[0] == '0' && (number[1] == 'x' || number[1] == 'X');
  if (hex) return number.find_first_of("pP") != std::string::npos;
  return number.find_first_of(".eE") != std::string::npos;
}

/// Every number token of a code line.
std::vector<std::string> numbers_in(const std::string& code) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < code.size();) {
    if (starts_number(code, i)) {
      const std::size_t end = number_end(code, i);
      out.push_back(code.substr(i, end - i));
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

bool has_word(const std::string& code, const std::string& word) {
  for (auto at = code.find(word); at != std::string::npos; at = code.find(word, at + 1)) {
    const bool starts = at == 0 || !is_identifier_char(code[at - 1]);
    const auto after = at + word.size();
    const bool ends = after >= code.size() || !is_identifier_char(code[after]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> code_lines(const std::string& source) {
  std::vector<std::string> lines;
  std::istringstream in(source);
  std::string line;
  bool in_block_comment = false;
  while (std::getline(in, line)) {
    std::string code;
    for (std::size_t i = 0; i < line.size();) {
      if (in_block_comment) {
        const auto end = line.find("*/", i);
        if (end == std::string::npos) break;
        in_block_comment = false;
        i = end + 2;
        continue;
      }
      if (line.compare(i, 2, "//") == 0) break;
      if (line.compare(i, 2, "/*") == 0) {
        in_block_comment = true;
        i += 2;
        continue;
      }
      const char c = line[i];
      const bool digit_separator = c == '\'' && i > 0 && std::isxdigit(static_cast<unsigned char>(line[i - 1])) &&
                                   i + 1 < line.size() && std::isxdigit(static_cast<unsigned char>(line[i + 1]));
      if ((c == '"' || c == '\'') && !digit_separator) {
        std::size_t j = i + 1;
        while (j < line.size() && line[j] != c) j += line[j] == '\\' ? 2 : 1;
        code += ' ';
        i = j + 1;
        continue;
      }
      code += c;
      ++i;
    }
    lines.push_back(code);
  }
  return lines;
}

std::vector<ConstexprNumber> numeric_constexprs(const std::string& source) {
  std::vector<ConstexprNumber> out;
  const auto lines = code_lines(source);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string& code = lines[n];
    if (!has_word(code, "constexpr")) continue;
    const auto after = code.substr(code.find("constexpr"));
    const auto initializer = after.find_first_of("={");
    const auto call = after.find('(');
    if (initializer == std::string::npos) continue;
    if (call != std::string::npos && call < initializer) continue;  // a constexpr function
    if (numbers_in(after.substr(initializer)).empty()) continue;
    // The name is the last identifier before the initializer.
    std::size_t end = initializer;
    while (end > 0 && !is_identifier_char(after[end - 1])) --end;
    std::size_t begin = end;
    while (begin > 0 && is_identifier_char(after[begin - 1])) --begin;
    out.push_back({static_cast<int>(n + 1), after.substr(begin, end - begin), trimmed(code)});
  }
  return out;
}

std::vector<FloatLiteral> float_literals(const std::string& source) {
  std::vector<FloatLiteral> out;
  const auto lines = code_lines(source);
  for (std::size_t n = 0; n < lines.size(); ++n)
    for (const auto& number : numbers_in(lines[n]))
      if (is_floating(number)) out.push_back({static_cast<int>(n + 1), number, trimmed(lines[n])});
  return out;
}

std::vector<std::filesystem::path> cpp_sources(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".cpp" || extension == ".hpp")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace shanzhi::test_support
