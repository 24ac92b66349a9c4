'use strict';
// A wss:// echo server on node `ws` over node's https server, for the fuzzer's TLS tests.
// Configured like ../../../../../shared/servers/ws/server.js (permessage-deflate with ws defaults), plus TLS.
// Usage: node wss-echo.js <cert.pem> <key.pem>
// Listens on 127.0.0.1 and an ephemeral port, prints "listening <port>", and exits when stdin closes,
// so it never outlives the test that started it.
const fs = require('fs');
const https = require('https');
const WebSocket = require('ws');

const server = https.createServer({ cert: fs.readFileSync(process.argv[2]), key: fs.readFileSync(process.argv[3]) });
const wss = new WebSocket.Server({ server, perMessageDeflate: true });
const names = [];

server.on('secureConnection', (socket) => names.push(socket.servername || ''));
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  ws.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.stdin.on('data', () => console.log(`servernames ${JSON.stringify(names)}`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
