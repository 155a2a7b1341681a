package org.webcare.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChannelRepository {

    private static final String SELECT_CHANNEL = """
            select c.id, c.brand_id, b.name as brand_name, c.type, c.name, c.callback_url, c.allows_private
            from channel c join brand b on b.id = c.brand_id
            """;

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Brand> brands() {
        return jdbc.sql("select id, name, handles from brand order by name").query(ChannelRepository::brand).list();
    }

    Optional<Brand> brand(long id) {
        return jdbc.sql("select id, name, handles from brand where id = ?").param(id).query(ChannelRepository::brand).optional();
    }

    Optional<Brand> brandNamed(String name) {
        return jdbc.sql("select id, name, handles from brand where lower(name) = lower(?)").param(name)
                .query(ChannelRepository::brand).optional();
    }

    Brand insertBrand(String name, List<String> handles) {
        long id = jdbc.sql("insert into brand (name, handles) values (?, cast(? as text[])) returning id")
                .params(name, arrayLiteral(handles)).query(Long.class).single();
        return new Brand(id, name, handles);
    }

    void updateHandles(long brandId, List<String> handles) {
        jdbc.sql("update brand set handles = cast(? as text[]) where id = ?").params(arrayLiteral(handles), brandId).update();
    }

    private static Brand brand(ResultSet rs, int row) throws SQLException {
        java.sql.Array array = rs.getArray("handles");
        List<String> handles = array == null ? List.of() : java.util.Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        return new Brand(rs.getLong("id"), rs.getString("name"), handles);
    }

    /** Handles are checked to be plain (letters, digits, _ . -), so they need no quoting inside the literal. */
    private static String arrayLiteral(List<String> handles) {
        return "{" + String.join(",", handles) + "}";
    }

    List<Channel> channels() {
        return jdbc.sql(SELECT_CHANNEL + " order by b.name, c.name").query(ChannelRepository::map).list();
    }

    Optional<Channel> channel(long id) {
        return jdbc.sql(SELECT_CHANNEL + " where c.id = ?").param(id).query(ChannelRepository::map).optional();
    }

    Optional<Channel> channelNamed(long brandId, String name) {
        return jdbc.sql(SELECT_CHANNEL + " where c.brand_id = ? and lower(c.name) = lower(?)").params(brandId, name)
                .query(ChannelRepository::map).optional();
    }

    /** The channel's health is kept like a polled source's, from the webhook requests it takes. */
    void trackWebhooks(long channelId) {
        jdbc.sql("insert into channel_source (channel_id, polled) values (?, false)").param(channelId).update();
    }

    Optional<String> secret(long channelId) {
        return jdbc.sql("select secret from channel where id = ?").param(channelId).query(String.class).optional();
    }

    long insertChannel(long brandId, ChannelType type, String name, String secret, String callbackUrl, boolean allowsPrivate) {
        return jdbc.sql("""
                        insert into channel (brand_id, type, name, secret, callback_url, allows_private)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(brandId, type.id(), name, secret, callbackUrl, allowsPrivate)
                .query(Long.class).single();
    }

    private static Channel map(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getLong("id"), rs.getLong("brand_id"), rs.getString("brand_name"),
                ChannelType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)), rs.getString("name"),
                rs.getString("callback_url"), rs.getBoolean("allows_private"));
    }
}
