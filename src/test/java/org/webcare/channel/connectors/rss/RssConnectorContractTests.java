package org.webcare.channel.connectors.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.webcare.channel.AddressGuard;
import org.webcare.channel.ChannelConnector;
import org.webcare.channel.ConnectorContract;

class RssConnectorContractTests extends ConnectorContract {

    private FeedServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FeedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected ChannelConnector connector() {
        return new RssConnector(new AddressGuard("127.0.0.1"));
    }

    @Override
    protected Map<String, String> workingSettings() {
        return Map.of("url", server.url("/feed.xml"));
    }

    @Override
    protected List<String> publish(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String text = "Storing bij de bezorging " + id;
            server.publish("<item><title>Bericht " + id + "</title><guid>urn:uuid:" + id + "</guid><link>/posts/" + id
                    + "</link><description>&lt;p&gt;" + text + "&lt;/p&gt;</description></item>");
            texts.add(text);
        }
        return texts;
    }

    @Override
    protected void failTransiently() {
        server.fail(new FeedServer.Answer(503, Map.of("Retry-After", "30"), "busy".getBytes()));
    }

    @Override
    protected void failPermanently() {
        server.fail(FeedServer.Answer.ok("text/html", "<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"));
    }

    @Override
    protected void recover() {
        server.fail(null);
    }
}
