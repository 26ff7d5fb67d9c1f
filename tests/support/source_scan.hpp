#pragma once
// A small C++ source scanner for tests that guard where numbers may live: it finds numeric
// `constexpr` variables and floating-point literals outside comments and string literals. It is a
// lexer for the code this repository writes (one declaration per line, no raw strings), not a
// C++ parser.

#include <filesystem>
#include <string>
#include <vector>

namespace shanzhi::test_support {

/// A numeric `constexpr` variable: one whose initializer holds a number literal.
struct ConstexprNumber {
  int line = 0;
  std::string name;  ///< the variable's name
  std::string text;  ///< the declaration, trimmed
};

/// A floating-point literal (0.7, 1.5f, 1e-9, 0x1.0p-24f) in code.
struct FloatLiteral {
  int line = 0;
  std::string literal;  ///< as written
  std::string text;     ///< the line, trimmed
};

/// `source` with comments and string and character literals blanked out line by line (a block
/// comment may span lines). Digit separators (1'000) are kept.
std::vector<std::string> code_lines(const std::string& source);

std::vector<ConstexprNumber> numeric_constexprs(const std::string& source);
std::vector<FloatLiteral> float_literals(const std::string& source);

/// The .cpp and .hpp files under `root`, sorted.
std::vector<std::filesystem::path> cpp_sources(const std::filesystem::path& root);

}  // namespace shanzhi::test_support
