// The Classroom tab's texts in English and Chinese (the student page carries its own, in
// core/classroom/student_page.cpp, since it runs in the students' browsers).

#include "core/i18n.hpp"

namespace shanzhi::viz {
namespace {

constexpr Phrase table[] = {
    {"tab.classroom", "Classroom", "课堂"},
    {"class.intro",
     "Run one shared simulation for a class: each student opens the page below in a browser on the classroom "
     "network, joins with the code, and holds one street's levers and budget. Nothing is served until you start.",
     "为一个班运行同一个共享模拟：每位学员在课堂网络中用浏览器打开下面的地址，输入加入码，掌管一个街道的政策杠杆和预算。"
     "点击开始之前不对外提供任何服务。"},
    {"class.address", "Address (HOST:PORT)", "地址（主机:端口）"},
    {"class.address_help",
     "The address of this computer on the classroom network, e.g. 192.168.1.10:8080 (see `ip addr`). 127.0.0.1 "
     "reaches only this computer; 0.0.0.0 listens on every network of this computer.",
     "本机在课堂网络中的地址，例如 192.168.1.10:8080（可用 `ip addr` 查看）。127.0.0.1 只有本机能访问；"
     "0.0.0.0 在本机所有网络上监听。"},
    {"class.start", "Start classroom", "开始课堂"},
    {"class.preparing", "Preparing the shared run (burn-in)...", "正在准备共享模拟（预热期）……"},
    {"class.stop", "Stop classroom", "结束课堂"},
    {"class.join_at", "Students open", "学员打开"},
    {"class.code", "join code", "加入码"},
    {"class.week", "Week", "周"},
    {"class.speed_format", "%.2f weeks/s", "每秒 %.2f 周"},
    {"class.district", "District", "全区"},
    {"class.student", "Student", "学员"},
    {"class.free_seat", "(free)", "（空位）"},
    {"class.street", "Street", "街道"},
    {"class.lever", "Lever", "杠杆"},
    {"class.value", "Value", "数值"},
    {"class.purchased_hours", "Purchased hours / week", "购买服务小时/周"},
    {"class.budget_in_force", "Budget in force this year", "本年度在用预算"},
    {"class.plot_title", "Satisfaction by street", "各街道满意度"},
    {"class.streets", "Streets side by side", "各街道对照"},
    {"class.choices", "Students' choices", "学员的选择"},
    {"class.copy_log", "Copy the log (CSV)", "复制选择记录（CSV）"},
    {"class.no_choices", "No choices yet.", "尚无选择。"},
    {"class.replay", "Replay", "回放"},
    {"class.replay_start", "Replay the run from the choice log", "按选择记录回放本次模拟"},
    {"class.replay_help",
     "Runs the scenario again with the same seed and every student's choice at the week it was made, then lets you "
     "step through the weeks. The replay must match the live run exactly. A finished class is replayed at once.",
     "用同一随机种子重新运行情景，并在每个选择做出的那一周应用它，然后可逐周查看。回放结果必须与现场运行完全一致。课堂结束后自动回放。"},
    {"class.replaying", "Replaying...", "正在回放……"},
    {"class.replay_same", "Replay identical to the live run.", "回放与现场运行完全一致。"},
    {"class.replay_differs", "Replay differs from the live run!", "回放与现场运行不一致！"},
    {"class.replay_week_format", "replay week %d", "回放第 %d 周"},
};

}  // namespace

std::span<const Phrase> classroom_phrases() { return table; }

}  // namespace shanzhi::viz
