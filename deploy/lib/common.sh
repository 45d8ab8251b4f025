# Shared by deploy/verify-image.sh, verify-gateway.sh and try-outages.sh (sourced from the repository root).
NODE=$PWD/node_modules/.bin/node
[[ -x $NODE ]] || NODE=node

say() { printf '\n== %s\n' "$*"; }
ok() { echo "  ok  $*"; }
fail() { echo "$(basename "$0"): FAIL: $*" >&2; exit 1; }

# N distinct free loopback ports: the sockets are held open together while they are chosen, so no
# port is handed out twice (asking one at a time can return the same port again).
free_ports() {
  "$NODE" -e 'const net=require("net");const n=+process.argv[1];const ss=[];let left=n;for(let i=0;i<n;i++){const s=net.createServer().listen(0,"127.0.0.1",()=>{if(--left===0){console.log(ss.map(x=>x.address().port).join(" "));ss.forEach(x=>x.close())}});ss.push(s)}' "$1"
}
