// Who is signed in. The session itself is the HttpOnly cookie; this only mirrors /api/auth/me
// so the layout can show the user's name and hide menus their role cannot use.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from '../api/client';
import { authApi } from '../api/endpoints';
import type { SessionUser as User } from '../api/types';

interface AuthState {
  /** undefined while the start-up probe runs, null when nobody is signed in. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    authApi.me().then(
      (r) => setUser(r.user),
      () => setUser(null),
    );
  }, []);

  // A 401 from any call means the session ended (expired, logged out elsewhere, user disabled).
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      if (location.pathname !== '/login') {
        navigate('/login', { replace: true, state: { from: location.pathname } });
      }
    });
  }, [navigate, location.pathname]);

  const login = useCallback(async (username: string, password: string) => {
    const r = await authApi.login(username, password);
    setUser(r.user);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setUser(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages rendered inside the authenticated layout. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
