# Puts Node.js 24 (the line package.json's engines names and CI runs on) first on PATH in this shell
# when the installed node is another line. The npm registry ships the official binaries as
# node-<os>-<cpu> packages; we unpack one with `npm pack` (no install scripts run) into a cache
# outside the repository, so a second run only checks that the binary starts.
# Use: `. scripts/use-node.sh`, then npm ci, npm start, npm test in the same shell. .ci/run sources it.
# Bump the version here together with engines in package.json and .nvmrc.

hamkke_use_node() {
  local want=24.22.3 os cpu dir tmp
  if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "${want%%.*}" ]; then
    return 0
  fi
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "use-node.sh: no Node.js binary on npm for $(uname -s); install Node.js ${want%%.*}" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) cpu=x64 ;;
    aarch64 | arm64) cpu=arm64 ;;
    *) echo "use-node.sh: no Node.js binary on npm for $(uname -m); install Node.js ${want%%.*}" >&2; return 1 ;;
  esac
  dir="${HAMKKE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hamkke}/node-v$want-$os-$cpu"
  if [ "$("$dir/bin/node" -v 2>/dev/null)" != "v$want" ]; then
    echo "use-node.sh: fetching Node.js $want ($os-$cpu) from the npm registry into $dir" >&2
    mkdir -p "$(dirname "$dir")" || return 1
    # Unpack beside the target and move it in whole, so an interrupted or concurrent run never
    # leaves a half-written binary where the check above would find it.
    tmp=$(mktemp -d "$dir.XXXXXX") || return 1
    if ! (cd "$tmp" && npm pack --loglevel=error "node-$os-$cpu@$want" >/dev/null && tar xzf ./*.tgz) ||
      [ "$("$tmp/package/bin/node" -v 2>/dev/null)" != "v$want" ]; then
      rm -rf "$tmp"
      echo "use-node.sh: could not fetch node-$os-$cpu@$want; install Node.js ${want%%.*}" >&2
      return 1
    fi
    if [ "$("$dir/bin/node" -v 2>/dev/null)" != "v$want" ]; then
      rm -rf "$dir" && mv "$tmp/package" "$dir" || { rm -rf "$tmp"; return 1; }
    fi
    rm -rf "$tmp"
  fi
  PATH="$dir/bin:$PATH"
  # Native addons built from source must use this Node's headers, not a system nodedir in ~/.npmrc.
  npm_config_nodedir="$dir"
  export PATH npm_config_nodedir
}

hamkke_use_node
