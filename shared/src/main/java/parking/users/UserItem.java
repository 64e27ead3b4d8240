package parking.users;

/** The users table's item, mapped by the static schema in {@link UserRepository}. */
public final class UserItem {

    private String key;
    private String listing;
    private Long id;
    private String username;
    private String passwordHash;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getListing() {
        return listing;
    }

    public void setListing(String listing) {
        this.listing = listing;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    User toUser() {
        return new User(id, username);
    }
}
