#include "sdgreport/context.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>

#include "sdgreport/log.hpp"

namespace sdg {

Context::Context(std::filesystem::path base_dir, std::string language, std::int64_t epoch)
    : base_dir_(std::move(base_dir)), language_(std::move(language)), epoch_(epoch) {}

std::filesystem::path Context::resolve(const std::string& path) const {
  const std::filesystem::path p(path);
  std::filesystem::path r = p.is_absolute() ? p.lexically_normal() : (base_dir_ / p).lexically_normal();
  if (std::find(inputs_.begin(), inputs_.end(), r) == inputs_.end()) inputs_.push_back(r);
  return r;
}

void Context::warn(const std::string& code, const std::string& message, std::string where) {
  if (where.empty()) where = scope_;
  if (echo_) log().warn("{}{}{} [{}]", where, where.empty() ? "" : ": ", message, code);
  warnings_.push_back({code, message, std::move(where)});
}

std::int64_t build_epoch() {
  if (const char* s = std::getenv("SOURCE_DATE_EPOCH"); s && *s) {
    char* end = nullptr;
    long long v = std::strtoll(s, &end, 10);
    if (end && *end == '\0' && v >= 0) return v;
    log().warn("SOURCE_DATE_EPOCH='{}' is not a number of seconds; using the current time", s);
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace sdg
