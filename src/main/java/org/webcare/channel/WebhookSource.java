package org.webcare.channel;

import java.util.List;
import java.util.Map;

/** Takes posts a platform pushes: checks the request's signature, then reads the posts in it. */
public interface WebhookSource {

    /**
     * @param headers request headers, names in lower case
     * @param body the raw body, exactly as received (signatures cover the bytes)
     * @throws ConnectorException.Permanent when the signature or the payload is wrong (answered 401 or 400)
     */
    List<ReceivedPost> receive(Map<String, List<String>> headers, byte[] body) throws ConnectorException;
}
