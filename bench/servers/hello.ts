import Fastify from 'fastify';

// The ceiling: a bare Fastify hello-world, started the same way as every other bench target.
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
