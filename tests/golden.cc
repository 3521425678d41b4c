#include "tests/golden.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace irtcp::testing {

std::string ReadFileOrDie(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

void ExpectGolden(const std::filesystem::path& golden, const std::string& actual) {
  if (g_update_golden) {
    WriteFile(golden, actual);
    return;
  }
  if (!std::filesystem::exists(golden)) {
    ADD_FAILURE() << "missing golden file " << golden << " (run irtcp_tests --update to create it)";
    return;
  }
  EXPECT_EQ(ReadFileOrDie(golden), actual)
      << "golden mismatch: " << golden << " (run irtcp_tests --update and review the diff)";
}

namespace {

std::string Slurp(int fd) {
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) {
      break;
    }
    text.append(buf, static_cast<size_t>(n));
  }
  return text;
}

}  // namespace

RunResult RunIrtcp(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                   const std::string& stdin_text, const std::vector<std::string>& env) {
  // Files instead of pipes keep this free of deadlocks for large outputs.
  char in_name[] = "/tmp/irtcp-in-XXXXXX";
  char out_name[] = "/tmp/irtcp-out-XXXXXX";
  char err_name[] = "/tmp/irtcp-err-XXXXXX";
  int in_fd = mkstemp(in_name);
  int out_fd = mkstemp(out_name);
  int err_fd = mkstemp(err_name);
  RunResult result;
  if (in_fd < 0 || out_fd < 0 || err_fd < 0) {
    ADD_FAILURE() << "mkstemp failed";
    return result;
  }
  if (!stdin_text.empty() && write(in_fd, stdin_text.data(), stdin_text.size()) !=
                                 static_cast<ssize_t>(stdin_text.size())) {
    ADD_FAILURE() << "write failed";
  }
  lseek(in_fd, 0, SEEK_SET);
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) {
      _exit(127);
    }
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    setenv("NO_COLOR", "1", 1);
    // Outputs must not depend on the CI the tests run in (-o github is the default there).
    unsetenv("GITHUB_ACTIONS");
    setenv("COLUMNS", "100", 1);
    for (const std::string& kv : env) {
      putenv(const_cast<char*>(kv.c_str()));
    }
    std::vector<char*> argv;
    std::string binary = IRTCP_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  lseek(out_fd, 0, SEEK_SET);
  lseek(err_fd, 0, SEEK_SET);
  result.out = Slurp(out_fd);
  result.err = Slurp(err_fd);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  close(in_fd);
  close(out_fd);
  close(err_fd);
  unlink(in_name);
  unlink(out_name);
  unlink(err_name);
  return result;
}

std::vector<std::filesystem::path> CaseDirs(const std::filesystem::path& root,
                                            std::string_view marker) {
  std::vector<std::filesystem::path> cases;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(root, ec)) {
    if (e.is_directory() && std::filesystem::exists(e.path() / marker)) {
      cases.push_back(e.path());
    }
  }
  if (ec) {
    ADD_FAILURE() << "cannot list " << root << ": " << ec.message();
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::vector<std::string> ReadArgLines(const std::filesystem::path& file) {
  std::vector<std::string> args;
  std::istringstream in(ReadFileOrDie(file));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      args.push_back(line);
    }
  }
  return args;
}

RunResult RunCliCase(const std::filesystem::path& dir, const CliGoldenFiles& files) {
  std::string input;
  if (std::filesystem::exists(dir / "stdin")) {
    input = ReadFileOrDie(dir / "stdin");
  }
  std::vector<std::string> env;
  if (std::filesystem::exists(dir / "env")) {
    env = ReadArgLines(dir / "env");
  }
  RunResult r = RunIrtcp(ReadArgLines(dir / "args"), dir, input, env);
  // The absolute source directory (SARIF's originalUriBaseIds) differs per checkout.
  auto portable = [](std::string text) {
    const std::string from = SourceDir().string();
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), "@SOURCE_DIR@");
    }
    return text;
  };
  ExpectGolden(dir / files.out, portable(r.out));
  ExpectGolden(dir / files.err, portable(r.err));
  ExpectGolden(dir / files.exit_code, std::to_string(r.exit_code) + "\n");
  return r;
}

std::string CaseName::operator()(
    const ::testing::TestParamInfo<std::filesystem::path>& info) const {
  std::string name = info.param.filename().string();
  std::replace_if(
      name.begin(), name.end(),
      [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; }, '_');
  return name;
}

}  // namespace irtcp::testing
