#include "core/classroom/server.hpp"

#include "core/classroom/student_json.hpp"
#include "core/classroom/student_page.hpp"

#include <httplib.h>

#include <sys/socket.h>

#include <charconv>
#include <chrono>
#include <exception>

namespace shanzhi::viz::classroom {
namespace {

/// A student's request is a few short fields; anything larger is not one.
constexpr std::size_t max_request_bytes = 4096;

constexpr const char* json_type = "application/json; charset=utf-8";

void send_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(error_json(message), json_type);
}

std::optional<std::size_t> parse_street(const std::string& text, bool& malformed) {
  malformed = false;
  if (text.empty()) return std::nullopt;
  std::size_t street = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), street);
  malformed = ec != std::errc{} || ptr != text.data() + text.size();
  return street;
}

/// Every handler runs inside this: whatever goes wrong becomes a 500 with its reason, never a
/// dead server thread.
template <class Handler>
auto guarded(Handler handler) {
  return [handler](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(req, res);
    } catch (const std::exception& failure) {
      send_error(res, 500, std::string("internal error: ") + failure.what());
    } catch (...) {
      send_error(res, 500, "internal error");
    }
  };
}

}  // namespace

bool parse_listen_address(const std::string& text, ListenAddress& out, std::string& error) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    error = "expected HOST:PORT, e.g. 192.168.1.10:8080 or 127.0.0.1:0, got '" + text + "'";
    return false;
  }
  int port = -1;
  const char* begin = text.data() + colon + 1;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc{} || ptr != end || port < 0 || port > 65535) {
    error = "the port must be a number from 0 to 65535 (0: any free port), got '" + std::string(begin, end) + "'";
    return false;
  }
  out.host = text.substr(0, colon);
  out.port = port;
  return true;
}

ClassroomServer::ClassroomServer(ClassroomSession& session) : session_(session), http_(std::make_unique<httplib::Server>()) {
  http_->set_payload_max_length(max_request_bytes);
  // httplib's default also sets SO_REUSEPORT, which would let a second server (another class,
  // another program) bind the same port and take some of the students' requests: keep only
  // SO_REUSEADDR (a restarted class can rebind at once) so a taken port is refused.
  http_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  add_routes();
}

ClassroomServer::~ClassroomServer() { stop(); }

void ClassroomServer::add_routes() {
  auto& session = session_;
  http_->Get("/", guarded([](const httplib::Request& req, httplib::Response& res) {
    res.set_content(std::string(student_page_html(req.get_param_value("lang") == "zh" ? "zh" : "en")), "text/html; charset=utf-8");
  }));
  http_->Get("/api/streets", guarded([&session](const httplib::Request&, httplib::Response& res) {
    res.set_content(seats_json(session.trainer_view().seats), json_type);
  }));
  http_->Post("/api/join", guarded([&session](const httplib::Request& req, httplib::Response& res) {
    bool malformed = false;
    const auto street = parse_street(req.get_param_value("street"), malformed);
    if (malformed) return send_error(res, 400, "street must be a street number");
    const auto reply = session.join(req.get_param_value("code"), req.get_param_value("name"), street);
    if (!reply.ok()) return send_error(res, reply.status, reply.error);
    res.set_content(join_json(reply, session.street_view(reply.street).street_name), json_type);
  }));
  http_->Get("/api/state", guarded([&session](const httplib::Request& req, httplib::Response& res) {
    const auto street = session.street_of(req.get_param_value("token"));
    if (!street) return send_error(res, 401, "unknown token: join the class first");
    res.set_content(street_json(session.street_view(*street)), json_type);
  }));
  http_->Post("/api/lever", guarded([&session](const httplib::Request& req, httplib::Response& res) {
    const auto token = req.get_param_value("token");
    const auto reply = session.set_lever(token, req.get_param_value("key"), req.get_param_value("value"));
    if (!reply.ok()) return send_error(res, reply.status, reply.error);
    res.set_content(street_json(session.street_view(*session.street_of(token))), json_type);
  }));
  // Registered last, so they answer only what no route above matched.
  auto not_found = guarded([](const httplib::Request& req, httplib::Response& res) { send_error(res, 404, "no such page: " + req.path); });
  http_->Get(".*", not_found);
  http_->Post(".*", not_found);
}

bool ClassroomServer::start(const ListenAddress& address, std::string& error) {
  if (running()) {
    error = "the classroom server is already running";
    return false;
  }
  host_ = address.host;
  port_ = address.port == 0 ? http_->bind_to_any_port(address.host) : (http_->bind_to_port(address.host, address.port) ? address.port : -1);
  if (port_ <= 0) {
    error = "cannot listen on " + address.host + ":" + std::to_string(address.port) +
            " (address not on this machine, or port in use or reserved)";
    return false;
  }
  loop_ended_ = false;
  thread_ = std::thread([this] {
    http_->listen_after_bind();
    loop_ended_ = true;
  });
  // httplib's stop() does nothing until the listening loop has started, so a stop right after
  // start would leave the thread listening for ever: wait for the loop (it starts at once).
  while (!http_->is_running() && !loop_ended_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

void ClassroomServer::stop() {
  if (!thread_.joinable()) return;
  http_->stop();
  thread_.join();
}

std::string ClassroomServer::join_url() const { return "http://" + host_ + ":" + std::to_string(port_) + "/"; }

}  // namespace shanzhi::viz::classroom
