#pragma once
// The two languages Shanzhi writes for people in: the window switches between them, the policy
// brief carries both.

namespace shanzhi::sim {

enum class Language { en, zh };

}  // namespace shanzhi::sim
