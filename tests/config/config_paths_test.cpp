#include "config/config_parser.h"

#include "tests/config/env_var.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

const std::string kFile = "conf/freshd.toml";

TEST_CASE("relative paths are relative to the config file; '~' and variables are expanded") {
  const EnvVar home("HOME", "/home/ada");
  const EnvVar vaults("VAULTS", "/data/vaults");
  const EnvVar unset("FRESHD_TEST_UNSET", std::nullopt);
  struct Case {
    std::string toml;
    std::string file;
    std::string vault_path;
    std::string state_dir;
    std::string socket;
    std::string report_dir = "freshd-reports";
  };
  const Case cases[] = {
      {"[vault]\npath = 'notes'", kFile, "conf/notes", "", ""},
      {"[vault]\npath = './notes'", "/etc/freshd/freshd.toml", "/etc/freshd/notes", "", ""},
      {"[vault]\npath = 'notes'", "freshd.toml", "notes", "", ""},
      {"[vault]\npath = '../notes'", "/cfg/freshd.toml", "/cfg/../notes", "", ""},
      {"[vault]\npath = '/abs/notes'", kFile, "/abs/notes", "", ""},
      {"[vault]\npath = '~'", kFile, "/home/ada", "", ""},
      {"[vault]\npath = '~/vault'", kFile, "/home/ada/vault", "", ""},
      {"[vault]\npath = '$VAULTS/team'", kFile, "/data/vaults/team", "", ""},
      {"[vault]\npath = '${VAULTS}x'", kFile, "/data/vaultsx", "", ""},
      {"[vault]\npath = 'a$/b'", kFile, "conf/a$/b", "", ""},
      {"[vault]\npath = '~ada/x'", kFile, "conf/~ada/x", "", ""},
      {"[daemon]\nstate_dir = 'state'\nsocket = 'run/s.sock'", kFile, "", "conf/state",
       "conf/run/s.sock"},
      {"[daemon]\nstate_dir = '~/.st'", kFile, "", "/home/ada/.st", ""},
      {"[daemon]\nstate_dir = ''\nsocket = ''", kFile, "", "", ""},
      {"[report]\ndir = 'out/reports'", kFile, "", "", "", "out/reports"},
      {"[report]\ndir = '~/reports'", kFile, "", "", "", "/home/ada/reports"},
      {"[report]\ndir = '$VAULTS/r'", kFile, "", "", "", "/data/vaults/r"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.toml);
    CAPTURE(c.file);
    const Result<Config> config = parse_config(c.toml, c.file);
    REQUIRE_MESSAGE(config.ok(), config.error().message);
    CHECK(config->vault.path == c.vault_path);
    CHECK(config->daemon.state_dir == c.state_dir);
    CHECK(config->daemon.socket == c.socket);
    CHECK(config->report.dir == c.report_dir);
  }
}

TEST_CASE("the exec command is kept exactly as written") {
  const EnvVar home("HOME", "/home/ada");
  const Result<Config> config =
      parse_config("[reminders]\nexec = '~/bin/notify \"$SUBJECT\" ${X}'\n", kFile);
  REQUIRE(config.ok());
  CHECK(config->reminders.exec == "~/bin/notify \"$SUBJECT\" ${X}");
}

TEST_CASE("default locations follow the XDG base directories") {
  const EnvVar home("HOME", "/home/ada");
  Config config;
  SUBCASE("with XDG variables set") {
    const EnvVar config_home("XDG_CONFIG_HOME", "/xdg/config");
    const EnvVar state_home("XDG_STATE_HOME", "/xdg/state");
    const EnvVar runtime("XDG_RUNTIME_DIR", "/run/user/1000");
    CHECK(default_config_file() == "/xdg/config/freshd/freshd.toml");
    CHECK(resolve_state_dir(config) == "/xdg/state/freshd");
    CHECK(resolve_socket_path(config) == "/run/user/1000/freshd/freshd.sock");
  }
  SUBCASE("without them, or with relative ones (ignored, as the spec says)") {
    const EnvVar config_home("XDG_CONFIG_HOME", "relative/config");
    const EnvVar state_home("XDG_STATE_HOME", std::nullopt);
    const EnvVar runtime("XDG_RUNTIME_DIR", std::nullopt);
    CHECK(default_config_file() == "/home/ada/.config/freshd/freshd.toml");
    CHECK(resolve_state_dir(config) == "/home/ada/.local/state/freshd");
    CHECK(resolve_socket_path(config) == "/home/ada/.local/state/freshd/freshd.sock");
    config.daemon.state_dir = "/srv/state";
    CHECK(resolve_socket_path(config) == "/srv/state/freshd.sock");
  }
  SUBCASE("configured values win") {
    const EnvVar runtime("XDG_RUNTIME_DIR", "/run/user/1000");
    config.daemon.state_dir = "/srv/state";
    config.daemon.socket = "/srv/freshd.sock";
    CHECK(resolve_state_dir(config) == "/srv/state");
    CHECK(resolve_socket_path(config) == "/srv/freshd.sock");
  }
}

}  // namespace
}  // namespace freshd
