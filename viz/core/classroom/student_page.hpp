#pragma once
// The student page: one self-contained HTML file (styles and script inline, nothing fetched from
// elsewhere, so it works on a classroom network without the internet), in Chinese or English.

#include <string>
#include <string_view>

namespace shanzhi::viz::classroom {

/// The page in `language` ("zh" or "en"; anything else is English).
std::string student_page_html(std::string_view language);

}  // namespace shanzhi::viz::classroom
