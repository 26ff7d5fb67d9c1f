#include "core/classroom/join_code.hpp"

#include <random>
#include <string_view>

namespace shanzhi::viz::classroom {

std::string random_join_code() {
  constexpr std::string_view alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::random_device source;
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string code;
  for (int i = 0; i < 6; ++i) code += alphabet[pick(source)];
  return code;
}

std::string random_token() {
  constexpr std::string_view hex = "0123456789abcdef";
  std::random_device source;
  std::string token;
  for (int word = 0; word < 4; ++word) {
    const std::uint32_t bits = source();
    for (int nibble = 0; nibble < 8; ++nibble) token += hex[(bits >> (4 * nibble)) & 0xF];
  }
  return token;
}

}  // namespace shanzhi::viz::classroom
