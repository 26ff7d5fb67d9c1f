// `shanzhi brief BASE POLICY [POLICY...] --out DIR`: the comparison `compare` runs, written as a
// policy brief a planner can hand on: brief.html, self-contained and bilingual (cli/brief/), and
// with --pdf the same in a PDF per language, printed by headless Chromium when it is installed.

#include "cli/brief/brief_html.hpp"
#include "cli/commands.hpp"
#include "cli/comparison_request.hpp"
#include "cli/output_directory.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace shanzhi::cli {
namespace {

struct BriefOptions {
  ComparisonRequest request;
  std::string out;
  bool force = false;
  bool pdf = false;
};

std::string today() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::ostringstream text;
  text << std::put_time(&utc, "%Y-%m-%d");
  return text.str();
}

/// The first of Debian's and other distributions' names for Chromium found on PATH, or empty.
std::string chromium_program() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const std::string probe = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return name;
  }
  return "";
}

std::string shell_quoted(const std::filesystem::path& path) {
  std::string out = "'";
  for (char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Prints `html_file` to `pdf_file` with headless Chromium; false when it did not make the file.
bool print_pdf(const std::string& chromium, const std::filesystem::path& html_file, const std::filesystem::path& pdf_file) {
  const std::string command = "timeout 180 " + chromium +
                              " --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=" +
                              shell_quoted(pdf_file) + " " + shell_quoted("file://" + std::filesystem::absolute(html_file).string()) +
                              " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0 && std::filesystem::exists(pdf_file) && std::filesystem::file_size(pdf_file) > 0;
}

/// brief-zh.pdf and brief-en.pdf beside brief.html; false (said on stderr) when one failed.
bool write_pdfs(const std::filesystem::path& dir, const brief::BriefInput& input, const std::string& chromium) {
  for (const auto language : {sim::Language::zh, sim::Language::en}) {
    const std::string suffix = language == sim::Language::zh ? "zh" : "en";
    const auto page = dir / ("brief-" + suffix + ".print.html");
    write_result_files(dir, {{page.filename().string(), brief::brief_html(input, language)}});
    const bool made = print_pdf(chromium, page, dir / ("brief-" + suffix + ".pdf"));
    std::filesystem::remove(page);
    if (!made) {
      std::cerr << "shanzhi brief: " << chromium << " did not print brief-" << suffix << ".pdf\n";
      return false;
    }
  }
  return true;
}

int brief_command(const BriefOptions& o) {
  std::string chromium;
  if (o.pdf && (chromium = chromium_program()).empty()) {
    std::cerr << "shanzhi brief: --pdf prints with headless Chromium, which is not installed "
                 "(Debian: apt-get install chromium); brief.html alone needs nothing\n";
    return exit_bad_input;
  }
  auto loaded = load_comparison(o.request, "shanzhi brief");
  if (!loaded) return exit_bad_input;
  OutputDirectory out;
  try {
    out = prepare_output_directory(o.out, "brief-" + comparison_label(*loaded), o.request.seed, o.force);
  } catch (const OutputRefused& e) {
    std::cerr << "shanzhi brief: " << e.what() << "\n";
    return exit_bad_input;
  }
  ComparisonResults results;
  try {
    results = run_comparison(o.request, *loaded);
  } catch (const std::exception& e) {
    std::cerr << "shanzhi brief: assumption draws: " << e.what() << "\n";
    return exit_failure;
  }
  const brief::BriefInput input{o.request, *loaded, results, invocation(), today()};
  try {
    write_result_files(out.writing(), {{"brief.html", brief::brief_html(input)}});
    if (o.pdf && !write_pdfs(out.writing(), input, chromium)) return exit_failure;
    publish(out);
  } catch (const std::exception& e) {
    std::cerr << "shanzhi brief: " << e.what() << "\n";
    return exit_failure;
  }
  std::cout << "Ran in " << std::fixed << std::setprecision(1) << results.seconds << " s. The brief: "
            << (out.path / "brief.html").string() << (o.pdf ? " (and brief-zh.pdf, brief-en.pdf)" : "") << "\n";
  return exit_ok;
}

}  // namespace

Command add_brief_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "brief", "A policy brief (bilingual HTML with figures): effects, for whom, cost, assumptions, limits");
  auto o = std::make_shared<BriefOptions>();
  add_comparison_options(*cmd, o->request);
  cmd->add_option("--out", o->out, "Output directory (default: results/runs/brief-BASE-vs-POLICY-...)");
  cmd->add_flag("--force", o->force, "Overwrite a brief already in --out");
  cmd->add_flag("--pdf", o->pdf, "Also print brief-zh.pdf and brief-en.pdf with headless Chromium");
  return {cmd, [o] { return brief_command(*o); }};
}

}  // namespace shanzhi::cli
