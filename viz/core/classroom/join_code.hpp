#pragma once
// Secrets of a classroom session: the join code the trainer shows the class, and the token each
// student's browser holds. Both come from the operating system's random source (not the model's
// seeded streams: they must differ between sessions and must not be guessable from the seed).

#include <string>

namespace shanzhi::viz::classroom {

/// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to read aloud
/// and type: 31^6 ≈ 9 × 10^8 codes.
std::string random_join_code();

/// 128 random bits as 32 hexadecimal digits.
std::string random_token();

}  // namespace shanzhi::viz::classroom
