// The Node.js reference for bench/coldstart: a fresh process builds a DynamoDB client (AWS SDK
// for JavaScript v3, region, endpoint and credentials given, as the Java functions have them)
// and makes one GetItem. Writes invokeMs (the GetItem), cpuMs and peakRssKb to the file named by argv[2].
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { writeFileSync } from "node:fs";

const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  endpoint: process.env.DYNAMODB_ENDPOINT,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});
const started = performance.now();
const item = await client.send(new GetItemCommand({ TableName: process.env.TABLE, Key: { pk: { S: "alice" } } }));
const invokeMs = Math.round(performance.now() - started);
console.log(JSON.stringify(item.Item ?? null));
const cpu = process.cpuUsage();
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
writeFileSync(process.argv[2], `invokeMs=${invokeMs}\ncpuMs=${cpuMs}\npeakRssKb=${process.resourceUsage().maxRSS}\n`);
