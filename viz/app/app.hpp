#pragma once
// The application: the window, the simulation controller and the fixed layout of panels.

#include "core/i18n.hpp"
#include "core/run_setup.hpp"

#include <optional>
#include <string>
#include <vector>

namespace shanzhi::viz {

struct AppOptions {
  RunSetup setup;
  std::string source_dir;           ///< repository root, for scenarios/ and scenarios/lessons/
  Language language = Language::en;
  int frames = 0;                   ///< > 0: render this many frames, print frame times, exit
  std::string screenshot;           ///< with frames: write the last frame here
  // Views to open for screenshots and demonstrations, once the run reaches `demo_after_week`.
  int demo_after_week = 0;
  bool compare = false;             ///< turn compare mode on
  int lesson = 0;                   ///< 1-based lesson to start (at once: its run replaces the first)
  bool time_lesson = false;         ///< with lesson and frames: print when its first step shows, exit
  int inspect_cell = -1;            ///< map cell to select into the inspector
  std::vector<std::string> plots;   ///< metrics to plot above the dashboards, as if picked
  Settings levers;                  ///< lever changes to apply (with --set)
  std::string open;                 ///< scenario file to open as from the File menu
  std::string open_planning;        ///< optimization database to open in the Planning tab
  std::string open_uncertainty;     ///< `compare --assumptions` output folder to open in the Compare tab
  int select_point = -1;            ///< evaluation id (as in the optimize CSV) to select on the Planning tab, or −1
  int load_point = -1;              ///< evaluation id to load as a run (compare mode against its base), or −1
  /// Classroom mode (off when empty): start a class served on this HOST:PORT at launch.
  std::string classroom;
  double classroom_play = 0;  ///< > 0: play the class at this many weeks/s once it is ready
  int width = 0;   ///< 0: most of the screen (core/window_size.hpp)
  int height = 0;
};

/// Runs the window until it is closed (or for `frames` frames). Returns the process exit code.
int run_app(AppOptions options);

}  // namespace shanzhi::viz
