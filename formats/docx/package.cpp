#include "package.hpp"

#include <zip.h>

#include "sdgreport/error.hpp"

namespace sdg::docx {

void Package::write(const std::filesystem::path& path, std::int64_t epoch,
                    const std::filesystem::path& shown) const {
  auto fail = [&](const std::string& why) {
    throw Error(ErrorCode::Output, "cannot write '" + shown.string() + "': " + why);
  };
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) {
    zip_error_t e;
    zip_error_init_with_code(&e, err);
    const std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    fail(why);
  }
  constexpr std::int64_t k1980 = 315532800;  // 1980-01-01T00:00:00Z
  const auto mtime = static_cast<time_t>(epoch < k1980 ? k1980 : epoch);
  for (const Part& p : parts_) {
    // zip_source_buffer does not copy: the parts outlive zip_close below.
    zip_source_t* src = zip_source_buffer(za, p.bytes.data(), p.bytes.size(), 0);
    if (!src) {
      const std::string why = zip_strerror(za);
      zip_discard(za);
      fail(why);
    }
    const zip_int64_t i = zip_file_add(za, p.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (i < 0) {
      const std::string why = zip_strerror(za);
      zip_source_free(src);
      zip_discard(za);
      fail(why);
    }
    const auto idx = static_cast<zip_uint64_t>(i);
    if (zip_set_file_compression(za, idx, p.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, p.compress ? 6 : 0) <
            0 ||
        zip_file_set_mtime(za, idx, mtime, 0) < 0) {
      const std::string why = zip_strerror(za);
      zip_discard(za);
      fail(why);
    }
  }
  if (zip_close(za) < 0) {
    const std::string why = zip_strerror(za);
    zip_discard(za);
    fail(why);
  }
}

ZipReader::ZipReader(const std::filesystem::path& path, const std::string& shown) : shown_(shown) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!za) {
    zip_error_t e;
    zip_error_init_with_code(&e, err);
    std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS) why = "not a DOCX (not a zip package)";
    throw Error(ErrorCode::Input, why, {shown});
  }
  za_ = za;
}

ZipReader::~ZipReader() {
  if (za_) zip_discard(static_cast<zip_t*>(za_));
}

std::vector<std::string> ZipReader::names() const {
  zip_t* za = static_cast<zip_t*>(za_);
  std::vector<std::string> out;
  const zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), 0)) out.emplace_back(name);
  return out;
}

std::optional<std::string> ZipReader::read(const std::string& name) const {
  zip_t* za = static_cast<zip_t*>(za_);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(za, name.c_str(), 0, &st) < 0) return std::nullopt;
  constexpr zip_uint64_t kMax = 512ull << 20;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMax)
    throw Error(ErrorCode::Input, "part '" + name + "' is larger than 512 MB", {shown_});
  zip_file_t* f = zip_fopen(za, name.c_str(), 0);
  if (!f) throw Error(ErrorCode::Input, "cannot read part '" + name + "': " + zip_strerror(za), {shown_});
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    throw Error(ErrorCode::Input, "cannot read part '" + name + "' (damaged zip)", {shown_});
  return out;
}

}  // namespace sdg::docx
