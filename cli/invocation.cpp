#include "cli/commands.hpp"

namespace shanzhi::cli {
namespace {
std::string& stored() {
  static std::string text;
  return text;
}
}  // namespace

void remember_invocation(int argc, char** argv) {
  std::string& text = stored();
  text.clear();
  for (int i = 0; i < argc; ++i) {
    if (i > 0) text += ' ';
    text += argv[i];
  }
}

const std::string& invocation() { return stored(); }

}  // namespace shanzhi::cli
