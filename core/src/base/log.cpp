#include "sdgreport/log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>

namespace sdg {

spdlog::logger& log() {
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    auto l = std::make_shared<spdlog::logger>("sdgreport", sink);
    l->set_pattern("%^%l%$: %v");
    l->set_level(spdlog::level::info);
    return l;
  }();
  return *logger;
}

void set_verbosity(int level) {
  spdlog::level::level_enum lv = spdlog::level::info;
  if (level < 0) lv = spdlog::level::err;
  else if (level == 1) lv = spdlog::level::debug;
  else if (level >= 2) lv = spdlog::level::trace;
  log().set_level(lv);
}

}  // namespace sdg
