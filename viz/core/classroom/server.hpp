#pragma once
// The classroom's HTTP server (cpp-httplib): serves the student page and the students' JSON API
// on the address the trainer chose, on a thread of its own. Nothing listens until start() is
// called: classroom mode is off by default.
//
//   GET  /              the student page (student_page.cpp; ?lang=zh|en)
//   GET  /api/streets       the seats: street number, name, taken (for the join form)
//   POST /api/join      form: code, name, [street]        → {"token", "street", "street_name"}
//   GET  /api/state     query: token                      → the street's state (student_json.hpp)
//   POST /api/lever     form: token, key, value           → the street's state after the change
// Refusals are JSON {"error": "..."} with status 400 (bad input), 401 (unknown token), 403
// (wrong join code), 404 (no such route), 409 (taken, or over the street's budget).

#include "core/classroom/session.hpp"

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace shanzhi::viz::classroom {

/// "HOST:PORT" split; false with `error` set when the text is not of that form or the port is
/// not 0–65535 (0: any free port).
struct ListenAddress {
  std::string host;
  int port = 0;
};
bool parse_listen_address(const std::string& text, ListenAddress& out, std::string& error);

class ClassroomServer {
 public:
  explicit ClassroomServer(ClassroomSession& session);
  ~ClassroomServer();
  ClassroomServer(const ClassroomServer&) = delete;
  ClassroomServer& operator=(const ClassroomServer&) = delete;

  /// Binds `address` (port 0: a free port the system picks) and serves on a thread. False with
  /// `error` set when the address cannot be bound.
  bool start(const ListenAddress& address, std::string& error);
  /// Stops serving and joins the thread (also done by the destructor).
  void stop();
  bool running() const { return thread_.joinable(); }
  /// The port bound (meaningful after start()).
  int port() const { return port_; }
  /// What students type into their browser, e.g. "http://192.168.1.10:8080/".
  std::string join_url() const;

 private:
  void add_routes();
  ClassroomSession& session_;
  std::unique_ptr<httplib::Server> http_;
  std::string host_;
  int port_ = 0;
  std::atomic<bool> loop_ended_{false};  ///< the listening loop has returned
  std::thread thread_;
};

}  // namespace shanzhi::viz::classroom
