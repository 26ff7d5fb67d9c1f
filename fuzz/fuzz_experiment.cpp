// libFuzzer target: see fuzz_inputs.hpp (experiment_input) for what one input exercises.
#include "fuzz/fuzz_inputs.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  shanzhi::fuzz::experiment_input({reinterpret_cast<const char*>(data), size});
  return 0;
}
