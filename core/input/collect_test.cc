// Turning command-line paths into input files, on real temporary directories: recursive walks in
// sorted order, .git and non-YAML files skipped, symlink loops, missing paths, size limits, Helm
// templates and standard input.
#include "core/input/collect.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/util/fd_io.h"

namespace irtcp::input {
namespace {

namespace fs = std::filesystem;

class CollectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "irtcp-collect-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    root_ = templ;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  void Write(const fs::path& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }

  Collected Run(const std::vector<std::string>& paths, const CollectOptions& options = {}) {
    return Collect(paths, options, sink_);
  }

  static std::vector<std::string> Names(const Collected& c) {
    std::vector<std::string> names;
    for (const source::SourceFilePtr& f : c.sources) {
      names.push_back(f->path());
    }
    return names;
  }

  fs::path root_;
  diag::DiagnosticSink sink_;
};

TEST_F(CollectTest, WalksDirectoriesRecursivelyInSortedOrder) {
  Write("b.yml", "b: 1\n");
  Write("a.yaml", "a: 1\n");
  Write("sub/deeper/d.yaml", "d: 1\n");
  Write("sub/c.yaml", "c: 1\n");
  Write("notes.txt", "not yaml\n");
  Write("sub/README.md", "# docs\n");
  Write("sub/x.yaml.bak", "x: 1\n");
  Write(".git/config.yaml", "git: 1\n");
  Write("sub/.git/hooks.yaml", "git: 1\n");
  std::string dir = root_.string();
  Collected c = Run({dir});
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(Names(c), (std::vector<std::string>{dir + "/a.yaml", dir + "/b.yml",
                                                dir + "/sub/c.yaml", dir + "/sub/deeper/d.yaml"}));
  EXPECT_EQ(c.sources[0]->text(), "a: 1\n");
  EXPECT_TRUE(sink_.empty());

  // The displayed path joins entries onto the argument exactly as written.
  Collected slash = Run({dir + "/sub/"});
  EXPECT_EQ(Names(slash),
            (std::vector<std::string>{dir + "/sub/c.yaml", dir + "/sub/deeper/d.yaml"}));
}

TEST_F(CollectTest, FilesAreReadAsGivenWhateverTheirExtension) {
  Write("notes.txt", "kind: x\n");
  Write("a.yaml", "a: 1\n");
  std::string dir = root_.string();
  Collected c = Run({dir + "/notes.txt", dir + "/a.yaml"});
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(Names(c), (std::vector<std::string>{dir + "/notes.txt", dir + "/a.yaml"}));
}

TEST_F(CollectTest, MissingPathsAreErrorsAndTheRestIsRead) {
  Write("a.yaml", "a: 1\n");
  std::string dir = root_.string();
  Collected c = Run({dir + "/nope.yaml", dir + "/a.yaml", dir + "/gone/"});
  EXPECT_EQ(c.errors, (std::vector<std::string>{dir + "/nope.yaml: no such file or directory",
                                                dir + "/gone/: no such file or directory"}));
  EXPECT_EQ(Names(c), (std::vector<std::string>{dir + "/a.yaml"}));
}

TEST_F(CollectTest, SymlinkLoopsEndAndADirectoryIsReadOnce) {
  Write("a.yaml", "a: 1\n");
  Write("sub/c.yaml", "c: 1\n");
  fs::create_directory_symlink("..", root_ / "sub" / "up");  // sub/up -> root: a loop
  fs::create_directory_symlink("sub", root_ / "also-sub");   // a second way into sub
  fs::create_symlink("self.yaml", root_ / "self.yaml");      // a link to itself
  std::string dir = root_.string();
  Collected c = Run({dir, dir + "/sub"});
  // sub is reached through also-sub first (sorted), then never again; the loop back to the root
  // is not followed; the argument naming sub again adds nothing.
  EXPECT_EQ(Names(c), (std::vector<std::string>{dir + "/a.yaml", dir + "/also-sub/c.yaml"}));
  // The self-referencing link cannot be opened: one error, and collecting still finishes.
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].rfind(dir + "/self.yaml: ", 0), 0U) << c.errors[0];
}

TEST_F(CollectTest, FilesOverTheSizeLimitAreReportedNotRead) {
  Write("big.yaml", std::string(100, '#') + "\n");
  Write("small.yaml", "a: 1\n");
  CollectOptions options;
  options.max_file_size = 10;
  std::string dir = root_.string();
  Collected c = Run({dir}, options);
  EXPECT_EQ(Names(c), (std::vector<std::string>{dir + "/small.yaml"}));
  ASSERT_EQ(sink_.diagnostics().size(), 1U);
  EXPECT_EQ(sink_.diagnostics()[0].code(), "IRT008");
  EXPECT_EQ(sink_.diagnostics()[0].file->path(), dir + "/big.yaml");
  EXPECT_EQ(sink_.diagnostics()[0].file->text(), "");  // not kept in memory
}

TEST_F(CollectTest, HelmTemplatesAreSkippedWithANote) {
  Write("templates/route.yaml", "kind: IngressRouteTCP\nmetadata:\n  name: {{ .Values.name }}\n");
  Write("values.yaml", "name: x\n");
  Collected c = Run({root_.string()});
  EXPECT_EQ(c.helm_templates_skipped, 1);
  EXPECT_EQ(Names(c), (std::vector<std::string>{root_.string() + "/values.yaml"}));
  ASSERT_EQ(sink_.diagnostics().size(), 1U);
  EXPECT_EQ(sink_.diagnostics()[0].code(), "IRT009");
  EXPECT_EQ(sink_.diagnostics()[0].location.line, 3U);
}

// Standard input is fd 0: point it at a file for the duration of a call.
class StdinFrom {
 public:
  explicit StdinFrom(const fs::path& file)
      : saved_(dup(0)), fd_(open(file.c_str(), O_RDONLY | O_CLOEXEC)) {
    EXPECT_GE(saved_, 0);
    EXPECT_GE(fd_, 0);
    EXPECT_EQ(dup2(fd_, 0), 0);
  }
  ~StdinFrom() {
    dup2(saved_, 0);
    close(saved_);
    close(fd_);
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  int saved_;
  int fd_;
};

TEST_F(CollectTest, StdinIsReadOnceUnderItsName) {
  Write("in.yaml", "from: stdin\n");
  Write("a.yaml", "a: 1\n");
  std::string dir = root_.string();
  CollectOptions options;
  options.stdin_name = "piped.yaml";
  Collected c;
  {
    StdinFrom redirect(root_ / "in.yaml");
    c = Run({"-", dir + "/a.yaml", "-"}, options);
  }
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(Names(c), (std::vector<std::string>{"piped.yaml", dir + "/a.yaml"}));
  EXPECT_EQ(c.sources[0]->text(), "from: stdin\n");
}

TEST(ReadFd, ReadsToEndOrStopsAtTheLimit) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "hello", 5), 5);
  close(fds[1]);
  std::string text;
  bool too_large = true;
  EXPECT_TRUE(util::ReadFd(fds[0], &text, 100, &too_large));
  EXPECT_FALSE(too_large);
  EXPECT_EQ(text, "hello");
  close(fds[0]);

  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "hello", 5), 5);
  close(fds[1]);
  std::string limited;
  EXPECT_TRUE(util::ReadFd(fds[0], &limited, 3, &too_large));
  EXPECT_TRUE(too_large);
  close(fds[0]);

  std::string none;
  EXPECT_FALSE(util::ReadFd(-1, &none, 100, &too_large));  // a read error
}

}  // namespace
}  // namespace irtcp::input
