#include "core/fix/write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/util/fd_io.h"

namespace irtcp::fix {

namespace {

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

/// Whether the file at `target` still holds `expected`; fills *st from the open file.
bool StillHolds(const std::string& target, std::string_view expected, struct stat* st,
                std::string* err) {
  int fd = open(target.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *err = Errno("cannot open");
    return false;
  }
  std::string current;
  bool ok = fstat(fd, st) == 0 && S_ISREG(st->st_mode) &&
            static_cast<std::size_t>(st->st_size) == expected.size() && util::ReadFd(fd, &current);
  close(fd);
  if (!ok || current != expected) {
    *err = std::string(kChangedOnDisk);
    return false;
  }
  return true;
}

}  // namespace

bool WriteFileAtomically(const std::string& path, std::string_view expected, std::string_view text,
                         std::string* err) {
  // Resolve every symlink so the temporary file lands beside the real file and the rename
  // replaces the target, not the link.
  char resolved[PATH_MAX];
  if (realpath(path.c_str(), resolved) == nullptr) {
    *err = Errno("cannot resolve path");
    return false;
  }
  const std::string target = resolved;
  struct stat st {};
  if (!StillHolds(target, expected, &st, err)) {
    return false;
  }
  std::size_t slash = target.rfind('/');
  std::string dir = slash == std::string::npos ? "." : target.substr(0, slash);
  std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string tmpl = dir + "/." + base + ".irtcp-XXXXXX";
  std::vector<char> tmp_name(tmpl.begin(), tmpl.end());
  tmp_name.push_back('\0');
  int fd = mkstemp(tmp_name.data());
  if (fd < 0) {
    *err = Errno("cannot create temporary file");
    return false;
  }
  const std::string tmp = tmp_name.data();
  auto fail = [&](const char* what) {
    *err = Errno(what);
    close(fd);
    unlink(tmp.c_str());
    return false;
  };
  if (!util::WriteFd(fd, text)) {
    return fail("cannot write temporary file");
  }
  if (fchmod(fd, st.st_mode & 07777) != 0) {
    return fail("cannot set mode");
  }
  // Best effort: only root (or the owner keeping its own group) may do this.
  (void)!fchown(fd, st.st_uid, st.st_gid);
  if (fsync(fd) != 0) {
    return fail("cannot sync temporary file");
  }
  if (close(fd) != 0) {
    *err = Errno("cannot close temporary file");
    unlink(tmp.c_str());
    return false;
  }
  // Check again right before the rename: an editor may have saved while we worked.
  struct stat again {};
  if (!StillHolds(target, expected, &again, err)) {
    unlink(tmp.c_str());
    return false;
  }
  if (rename(tmp.c_str(), target.c_str()) != 0) {
    *err = Errno("cannot replace file");
    unlink(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace irtcp::fix
