#!/usr/bin/env python3
"""How long a post sent to the API channel takes to show in an open inbox.

Against a running Webcare: signs in as a browser would, listens to the inbox's server-sent events, sends N signed
posts, and for each measures (a) the POST's response time, (b) the time until the "post" event arrives and
(c) the time until the refreshed post list (what htmx fetches on that event) contains the post.

Usage: bench/live-latency.py --url http://localhost:8080 --email E --password P --token T [--posts 50]
Only the Python standard library is used.
"""
import argparse, hashlib, hmac, http.cookiejar, json, re, statistics, sys, threading, time, urllib.parse, urllib.request, uuid

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--url', default='http://localhost:8080')
    p.add_argument('--email', required=True)
    p.add_argument('--password', required=True)
    p.add_argument('--token', required=True, help='API token of an admin (to create the benchmark channel)')
    p.add_argument('--posts', type=int, default=50)
    a = p.parse_args()
    base = a.url.rstrip('/')

    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = browser.open(base + '/login').read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    browser.open(base + '/login', urllib.parse.urlencode({'username': a.email, 'password': a.password, '_csrf': csrf}).encode())

    def api(path, body):
        req = urllib.request.Request(base + path, json.dumps(body).encode(), {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + a.token})
        return json.load(urllib.request.urlopen(req))
    brand = api('/api/v1/brands', {'name': 'Bench ' + uuid.uuid4().hex[:6]})
    created = api('/api/v1/brands/%d/channels' % brand['id'], {'name': 'bench', 'callbackUrl': 'http://127.0.0.1:9/none'})
    channel, secret = created['channel']['id'], created['secret'].encode()

    events, arrived = {}, threading.Condition()
    def listen():
        stream = browser.open(base + '/inbox/events')
        name = None
        for raw in stream:
            line = raw.decode().rstrip('\n')
            if line.startswith('event:'):
                name = line[6:].strip()
            elif line.startswith('data:') and name == 'post':
                with arrived:
                    events[int(line[5:].strip())] = time.perf_counter()
                    arrived.notify_all()
    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)

    post_ms, event_ms, visible_ms = [], [], []
    for i in range(a.posts):
        text = 'Latency check %d %s' % (i, uuid.uuid4().hex[:8])
        body = json.dumps({'externalId': uuid.uuid4().hex, 'authorHandle': '@bench', 'text': text,
                           'createdAt': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}).encode()
        signature = 'sha256=' + hmac.new(secret, body, hashlib.sha256).hexdigest()
        req = urllib.request.Request('%s/api/v1/channels/%d/posts' % (base, channel), body,
                                     {'Content-Type': 'application/json', 'X-Webcare-Signature': signature})
        start = time.perf_counter()
        post_id = json.load(urllib.request.urlopen(req))['id']
        post_ms.append((time.perf_counter() - start) * 1000)
        with arrived:
            if not arrived.wait_for(lambda: post_id in events, timeout=5):
                sys.exit('post %d: no event within 5 s' % post_id)
        event_ms.append((events[post_id] - start) * 1000)
        listing = browser.open('%s/inbox/posts?channel=%d' % (base, channel)).read().decode()
        if text not in listing:
            sys.exit('post %d not in the refreshed list' % post_id)
        visible_ms.append((time.perf_counter() - start) * 1000)

    def line(label, values):
        values = sorted(values)
        print('%-32s median %6.1f ms   p90 %6.1f ms   max %6.1f ms' % (label, statistics.median(values), values[int(len(values) * 0.9) - 1], values[-1]))
    print('posts: %d, server %s' % (a.posts, base))
    line('POST answered', post_ms)
    line('live event received', event_ms)
    line('post in the refreshed list', visible_ms)

if __name__ == '__main__':
    main()
